package dev.hongyan.media.dtls;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class DtlsUdpLoopbackTest {

    @Test
    void handshakeAndDataOverRealUdpSockets() throws Exception {
        try (DtlsContext clientContext = new DtlsContext(DtlsConfig.defaults());
             DtlsContext serverContext = new DtlsContext(DtlsConfig.defaults());
             UdpEndpoint clientSocket = new UdpEndpoint();
             UdpEndpoint serverSocket = new UdpEndpoint()) {
            RecordingListener clientEvents = new RecordingListener();
            RecordingListener serverEvents = new RecordingListener();
            DtlsTransport client = clientContext.createTransport(clientEvents, clientSocket);
            DtlsTransport server = serverContext.createTransport(serverEvents, serverSocket);
            clientSocket.feed(client);
            serverSocket.feed(server);
            clientSocket.sendTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverSocket.port()));

            server.start(new DtlsParameters(DtlsRole.CLIENT, clientContext.certificate().fingerprints()));
            client.start(new DtlsParameters(DtlsRole.SERVER, serverContext.certificate().fingerprints()));

            SrtpKeyMaterial clientKeys = clientEvents.awaitConnected();
            SrtpKeyMaterial serverKeys = serverEvents.awaitConnected();
            assertThat(clientKeys.localMasterKey()).isEqualTo(serverKeys.remoteMasterKey());
            assertThat(clientKeys.remoteMasterSalt()).isEqualTo(serverKeys.localMasterSalt());

            byte[] hello = {1, 2, 3};
            server.sendApplicationData(hello, 0, hello.length);
            assertThat(clientEvents.data.poll(5, TimeUnit.SECONDS)).isEqualTo(hello);

            server.close();
            clientEvents.awaitClosed();
            assertThat(client.state()).isEqualTo(DtlsState.CLOSED);
        }
    }
}
