package io.logmaster.infra.send;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of {@code ./logmaster send FILE... [--proto udp|tcp] [--rate N] [--host H] [--port P]
 * [--octet-counting]}. Immutable; validated on construction.
 *
 * @param files the files to replay, one message per line
 * @param protocol {@code udp} or {@code tcp}
 * @param ratePerSecond lines per second, 0 for as fast as possible
 */
public record SendOptions(
        List<Path> files,
        String protocol,
        int ratePerSecond,
        String host,
        int port,
        boolean octetCounting) {

    public SendOptions {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("send needs at least one FILE");
        }
        files = List.copyOf(files);
        if (!protocol.equals("udp") && !protocol.equals("tcp")) {
            throw new IllegalArgumentException(
                    "--proto must be udp or tcp, got '" + protocol + "'");
        }
        if (ratePerSecond < 0) {
            throw new IllegalArgumentException("--rate must be >= 0, got " + ratePerSecond);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--port must be 1..65535, got " + port);
        }
        if (octetCounting && protocol.equals("udp")) {
            throw new IllegalArgumentException("--octet-counting applies to --proto tcp only");
        }
    }

    /** Parses command-line arguments; {@code defaultPort} is the gateway's configured port. */
    public static SendOptions parse(List<String> args, int defaultPort) {
        List<Path> files = new ArrayList<>();
        String protocol = "udp";
        Integer rate = null;
        String host = "127.0.0.1";
        int port = defaultPort;
        boolean octet = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--proto" -> protocol = value(args, ++i, arg);
                case "--rate" -> rate = number(value(args, ++i, arg), arg);
                case "--host" -> host = value(args, ++i, arg);
                case "--port" -> port = number(value(args, ++i, arg), arg);
                case "--octet-counting" -> octet = true;
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option '" + arg + "'");
                    }
                    files.add(Path.of(arg));
                }
            }
        }
        // Unpaced UDP overflows socket buffers and loses datagrams, so UDP defaults to a
        // moderate pace; TCP has flow control and defaults to full speed.
        int effectiveRate = rate != null ? rate : protocol.equals("udp") ? 1000 : 0;
        return new SendOptions(files, protocol, effectiveRate, host, port, octet);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int number(String text, String option) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got '" + text + "'");
        }
    }
}
