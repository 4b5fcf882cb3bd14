package dev.hongyan.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hongyan.server.HongyanServer;
import dev.hongyan.server.ServerSettings;
import dev.hongyan.server.config.ConfigException;
import dev.hongyan.server.metrics.Metrics;
import dev.hongyan.server.support.TestEndpoint;
import dev.hongyan.server.support.TestServers;
import dev.hongyan.server.support.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {

    private static SelfSigned cert;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeCertificate() throws Exception {
        cert = new SelfSigned();
    }

    private HongyanServer start(ServerSettings.Tls tls, TestEndpoint endpoint) {
        ServerSettings settings = TestServers.settings();
        settings = settings.withHttp(settings.http().withTls(tls));
        return new HongyanServer(settings, Metrics.newRegistry(), List.of(endpoint), List.of()).start();
    }

    private HttpClient client() throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(cert.clientContext()).build();
    }

    @Test
    void httpsAndWssFromPemChainAndPkcs8Key() throws Exception {
        TestEndpoint echo = new TestEndpoint("/websocket.signal");
        ServerSettings.Tls tls = new ServerSettings.Tls(true, cert.writeChainPem(dir).toString(),
                cert.writePkcs8KeyPem(dir).toString(), "", "");
        try (HongyanServer server = start(tls, echo)) {
            assertThat(server.tls()).isTrue();
            HttpClient client = client();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            WsClient ws = WsClient.connect(client, "wss://127.0.0.1:" + server.port() + "/websocket.signal");
            ws.send("secure");
            assertThat(ws.next()).isEqualTo("/websocket.signal|/websocket.signal|secure");
        }
    }

    @Test
    void traditionalEcKeyAndPkcs12KeyStoreAlsoWork() throws Exception {
        assertThat(Files.readString(cert.writeTraditionalKeyPem(dir))).contains("BEGIN EC PRIVATE KEY");
        var read = (java.security.interfaces.ECPrivateKey) SslContexts.readKey(cert.writeTraditionalKeyPem(dir));
        assertThat(read.getS()).isEqualTo(((java.security.interfaces.ECPrivateKey) cert.keys.getPrivate()).getS());
        ServerSettings.Tls tls = new ServerSettings.Tls(true, "", "", cert.writePkcs12(dir, "changeit").toString(), "changeit");
        try (HongyanServer server = start(tls, new TestEndpoint("/"))) {
            HttpResponse<String> health = client().send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void missingOrBadFilesFailAtConstructionNamingTheKey() throws Exception {
        Path missing = dir.resolve("nope.pem");
        assertThatThrownBy(() -> start(new ServerSettings.Tls(true, missing.toString(), cert.writePkcs8KeyPem(dir).toString(),
                "", ""), new TestEndpoint("/")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.tls.certificateChain").hasMessageContaining("nope.pem");
        assertThatThrownBy(() -> start(new ServerSettings.Tls(true, cert.writeChainPem(dir).toString(),
                cert.writeChainPem(dir).toString(), "", ""), new TestEndpoint("/")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http.tls.privateKey");
        assertThatThrownBy(() -> start(new ServerSettings.Tls(true, "", "", "", ""), new TestEndpoint("/")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http.tls.keyStore");
        Path store = cert.writePkcs12(dir, "right");
        assertThatThrownBy(() -> start(new ServerSettings.Tls(true, "", "", store.toString(), "wrong"), new TestEndpoint("/")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http.tls.keyStorePassword");
    }
}
