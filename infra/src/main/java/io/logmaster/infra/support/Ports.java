package io.logmaster.infra.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Port checks for starting services, and free ports for tests that must not collide. */
public final class Ports {

    private Ports() {}

    /** True when nothing listens on {@code host:port} (checked by binding it briefly). */
    public static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@code count} distinct ports that are free on 127.0.0.1 right now (all sockets are held open
     * until every port is chosen, so they differ). Another process may still take one before it is
     * used; for tests that is rare enough.
     */
    public static List<Integer> free(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                ports.add(socket.getLocalPort());
            }
            return List.copyOf(ports);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot find " + count + " free ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // nothing to do: the port is released either way
                }
            }
        }
    }

    /** Fails with a clear message when {@code host:port} is taken. */
    public static void requireFree(String service, String host, int port) {
        if (!isFree(host, port)) {
            throw new ServiceStartException(
                    service
                            + ": port "
                            + host
                            + ":"
                            + port
                            + " is already in use by another process (not one recorded in our"
                            + " PID files). Stop it or configure another port.");
        }
    }
}
