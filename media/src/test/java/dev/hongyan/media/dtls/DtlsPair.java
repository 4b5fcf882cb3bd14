package dev.hongyan.media.dtls;

import java.util.List;

/**
 * Two engines (each with its own certificate) and one transport on each, wired through in-memory links.
 * "client" and "server" name the DTLS roles the test asks for.
 */
final class DtlsPair implements AutoCloseable {
    final DtlsContext clientContext;
    final DtlsContext serverContext;
    final RecordingListener clientEvents = new RecordingListener();
    final RecordingListener serverEvents = new RecordingListener();
    final InMemoryLink toServer = new InMemoryLink("to-server");
    final InMemoryLink toClient = new InMemoryLink("to-client");
    final DtlsTransport client;
    final DtlsTransport server;

    DtlsPair(DtlsConfig clientConfig, DtlsConfig serverConfig) {
        clientContext = new DtlsContext(clientConfig);
        serverContext = new DtlsContext(serverConfig);
        client = clientContext.createTransport(clientEvents, toServer);
        server = serverContext.createTransport(serverEvents, toClient);
        toServer.connectTo(server);
        toClient.connectTo(client);
    }

    DtlsPair() {
        this(DtlsConfig.defaults(), DtlsConfig.defaults());
    }

    /** Starts both with each other's real fingerprints. */
    void start() {
        startServer(clientContext.certificate().fingerprints());
        startClient(serverContext.certificate().fingerprints());
    }

    void startServer(List<DtlsFingerprint> expectedClient) {
        server.start(DtlsRole.SERVER, expectedClient);
    }

    void startClient(List<DtlsFingerprint> expectedServer) {
        client.start(DtlsRole.CLIENT, expectedServer);
    }

    @Override
    public void close() {
        client.close();
        server.close();
        toServer.close();
        toClient.close();
        clientContext.close();
        serverContext.close();
    }
}
