package io.logmaster.compliance.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code openssl} binary in a directory and captures its merged output. */
public final class OpenSsl {
    public static final String BINARY =
            System.getenv().getOrDefault("LOGMASTER_OPENSSL", "/usr/bin/openssl");

    private OpenSsl() {}

    /** Exit code and merged stdout/stderr of one run. */
    public record Result(int exitCode, String output) {}

    public static Result run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(BINARY);
        command.addAll(List.of(args));
        Process process =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("openssl timed out: " + command);
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
