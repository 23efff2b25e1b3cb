package io.switchboard.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Whether the ports the stack listens on are free. */
final class Ports {

    private Ports() {
    }

    /** True if nothing listens on {@code port}, on any local address. */
    static boolean isFree(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 300);
            return false;
        } catch (IOException nobodyListening) {
            // Nothing on the loopback address; see whether the port can be bound on every address.
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
