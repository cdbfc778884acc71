package io.streamtune.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Checks and picks TCP ports on the loopback address the stack binds to. */
public final class Ports {

    static final String HOST = "127.0.0.1";

    private Ports() {}

    /** A port that was free on 127.0.0.1 a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackException("Cannot find a free port on " + HOST, e);
        }
    }

    /**
     * Whether nothing listens on the port of 127.0.0.1. Binds the way the broker and the registry will (address reuse
     * on), so connections of a stopped stack still in TIME_WAIT do not count as in use.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether something accepts TCP connections on the port of 127.0.0.1 (a cheap first health probe). */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(HOST), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a message naming the setting to change when the port is taken. */
    static void requireFree(int port, String what, String property) {
        if (!isFree(port)) {
            throw new StackException("Port " + port + " for the " + what + " is already in use on " + HOST
                    + ": stop whatever listens there or choose another port with " + property + " / "
                    + Settings.environmentName(property));
        }
    }
}
