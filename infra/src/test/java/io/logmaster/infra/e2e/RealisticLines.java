package io.logmaster.infra.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates distinct, realistic syslog lines of the kinds real networks send (RFC 5424 with
 * structured data, BSD/RFC 3164 from Linux hosts, Cisco IOS with sequence numbers, lines without
 * PRI), each carrying a unique token so a test can find it exactly once, and each with the
 * hostname, app and severity the parser must extract.
 */
final class RealisticLines {
    /** One generated line and what the parser must find in it. */
    record Line(String token, String text, String hostname, String app, int severity) {}

    private static final String[] USERS = {"root", "admin", "oracle", "deploy", "ayse", "mehmet"};
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    private RealisticLines() {}

    /** {@code count} distinct lines tagged with {@code run}; the token of line i is run-i. */
    static List<Line> generate(String run, int count) {
        List<Line> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String token = run + "-" + i;
            String user = USERS[i % USERS.length];
            String ip = "192.0.2." + (i % 250 + 1);
            int port = 1024 + (i * 7) % 60000;
            String host = "edge-" + (i % 7);
            int day = 1 + i % 28;
            String time = String.format("%02d:%02d:%02d", i % 24, i % 60, (i * 13) % 60);
            String bsdDate = MONTHS[i % 12] + (day < 10 ? "  " : " ") + day + " " + time;
            lines.add(
                    switch (i % 6) {
                        case 0 ->
                                new Line(
                                        token,
                                        "<38>"
                                                + bsdDate
                                                + " "
                                                + host
                                                + " sshd["
                                                + (1000 + i)
                                                + "]: Failed password for "
                                                + user
                                                + " from "
                                                + ip
                                                + " port "
                                                + port
                                                + " ssh2 "
                                                + token,
                                        host,
                                        "sshd",
                                        6);
                        case 1 ->
                                new Line(
                                        token,
                                        "<165>1 2026-11-"
                                                + String.format("%02d", day)
                                                + "T"
                                                + time
                                                + ".123+03:00 fw-"
                                                + (i % 5)
                                                + " firewall "
                                                + (2000 + i)
                                                + " TRAFFIC"
                                                + " [origin@32473 ip=\""
                                                + ip
                                                + "\" note=\"a \\\"quoted\\\" ]value\"]"
                                                + " \uFEFFallow tcp "
                                                + ip
                                                + ":"
                                                + port
                                                + " -> 198.51.100.7:443 "
                                                + token,
                                        "fw-" + (i % 5),
                                        "firewall",
                                        5);
                        case 2 ->
                                new Line(
                                        token,
                                        "<187>"
                                                + (100 + i)
                                                + ": core-sw"
                                                + (i % 3)
                                                + ": "
                                                + (100 + i)
                                                + ": "
                                                + bsdDate
                                                + ".123: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/"
                                                + (i % 48)
                                                + ", changed state to down "
                                                + token,
                                        "core-sw" + (i % 3),
                                        null,
                                        3);
                        case 3 ->
                                new Line(
                                        token,
                                        "<30>"
                                                + bsdDate
                                                + " dhcp-1 dhcpd["
                                                + (300 + i % 50)
                                                + "]: DHCPACK on 10.20."
                                                + (i % 250)
                                                + "."
                                                + (i % 200 + 1)
                                                + " to 00:1a:2b:3c:"
                                                + String.format(
                                                        "%02x:%02x", i % 256, (i / 256) % 256)
                                                + " via eth0 "
                                                + token,
                                        "dhcp-1",
                                        "dhcpd",
                                        6);
                        case 4 ->
                                new Line(
                                        token,
                                        "<12>2026-11-"
                                                + String.format("%02d", day)
                                                + "T"
                                                + time
                                                + "+03:00 web-"
                                                + (i % 4)
                                                + " kernel: [UFW BLOCK] IN=eth0 OUT= SRC="
                                                + ip
                                                + " DST=203.0.113.5 PROTO=TCP SPT="
                                                + port
                                                + " DPT=22 "
                                                + token,
                                        "web-" + (i % 4),
                                        "kernel",
                                        4);
                        default ->
                                new Line(
                                        token,
                                        bsdDate
                                                + " app-"
                                                + (i % 3)
                                                + " sudo: "
                                                + user
                                                + " : TTY=pts/0 ; PWD=/home/"
                                                + user
                                                + " ; USER=root ; COMMAND=/bin/ls "
                                                + token,
                                        "app-" + (i % 3),
                                        "sudo",
                                        -1);
                    });
        }
        return lines;
    }
}
