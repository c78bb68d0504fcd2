package org.loyalty.devinfra.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Loopback ports for servers the tests and the local run start themselves. */
public final class Ports {

    /**
     * Ports already handed out by this JVM: the kernel may offer a just-released port again
     * before the server it was meant for has bound it, and two services would then collide.
     */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private Ports() {
    }

    /** A port nothing listens on right now, and that this JVM has not handed out before. */
    public static synchronized int free() {
        while (true) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("No free port", e);
            }
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
