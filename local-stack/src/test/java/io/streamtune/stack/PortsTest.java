package io.streamtune.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class PortsTest {

    private static final String HOST = "127.0.0.1";

    @Test
    void shouldReportAListeningPortAsInUse() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            assertThat(Ports.isFree(listener.getLocalPort())).isFalse();
        }
    }

    @Test
    void shouldReportAPortFreeWhileItsClosedConnectionsLingerInTimeWait() throws IOException {
        int port;
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName(HOST));
                Socket client = new Socket(HOST, listener.getLocalPort())) {
            port = listener.getLocalPort();
            try (Socket accepted = listener.accept()) {
                accepted.getOutputStream().write(1);
            } // the server side closes first, so its end of the connection stays in TIME_WAIT on the port
            assertThat(client.getInputStream().read()).isEqualTo(1);
        }

        assertThat(Ports.isFree(port)).isTrue();
    }
}
