package dev.hongyan.media.dtls;

import dev.hongyan.media.srtp.SrtpProfile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interop with an independent DTLS-SRTP implementation: the openssl CLI on both sides of the handshake, with
 * the SRTP keying material it exports compared byte for byte with ours. Fails where openssl is missing
 * (`./hongyan test` installs it).
 */
class OpensslInteropTest {
    @TempDir
    Path dir;
    private Path certificate;
    private Path key;
    private DtlsFingerprint opensslFingerprint;
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void makeOpensslCertificate() throws Exception {
        assertTrue(new File("/usr/bin/openssl").canExecute(), "the openssl CLI is required (./hongyan test installs it)");
        certificate = dir.resolve("cert.pem");
        key = dir.resolve("key.pem");
        Process req = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=openssl", "-days", "2",
                "-keyout", key.toString(), "-out", certificate.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("req.log").toFile()).start();
        assertThat(req.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(req.exitValue()).isZero();
        String pem = Files.readString(certificate);
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        opensslFingerprint = DtlsFingerprint.of("sha-256", Base64.getDecoder().decode(base64));
    }

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void weConnectAsClientToOpensslServer() throws Exception {
        int port = freeUdpPort();
        Lines server = run("openssl", "s_server", "-dtls1_2", "-accept", "127.0.0.1:" + port,
                "-cert", certificate.toString(), "-key", key.toString(), "-verify", "1",
                "-use_srtp", "SRTP_AEAD_AES_128_GCM",
                "-keymatexport", "EXTRACTOR-dtls_srtp", "-keymatexportlen", "56", "-naccept", "1");
        server.await(line -> line.startsWith("ACCEPT"));

        try (DtlsContext context = new DtlsContext(DtlsConfig.defaults());
             UdpEndpoint socket = new UdpEndpoint()) {
            RecordingListener events = new RecordingListener();
            DtlsTransport transport = context.createTransport(events, socket);
            socket.feed(transport);
            socket.sendTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            transport.start(new DtlsParameters(DtlsRole.SERVER, List.of(opensslFingerprint)));

            SrtpKeyMaterial keys = events.awaitConnected();
            String exported = server.await(line -> line.contains("Keying material:"));

            assertThat(keys.profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
            // Client is us: client_write_key | server_write_key | client_write_salt | server_write_salt.
            assertThat(exportedHex(exported)).isEqualTo(hex(keys.localMasterKey(), keys.remoteMasterKey(),
                    keys.localMasterSalt(), keys.remoteMasterSalt()));
            assertThat(server.seen()).anyMatch(line -> line.contains("CN = hongyan") || line.contains("CN=hongyan"));
        }
    }

    @Test
    void opensslClientConnectsToUsAsServerAndSeesOurClose() throws Exception {
        try (DtlsContext context = new DtlsContext(DtlsConfig.defaults());
             UdpEndpoint socket = new UdpEndpoint()) {
            RecordingListener events = new RecordingListener();
            DtlsTransport transport = context.createTransport(events, socket);
            socket.feed(transport); // learns openssl's address from its ClientHello, like ICE-lite
            transport.start(new DtlsParameters(DtlsRole.CLIENT, List.of(opensslFingerprint)));

            Lines client = run("openssl", "s_client", "-dtls1_2", "-connect", "127.0.0.1:" + socket.port(),
                    "-cert", certificate.toString(), "-key", key.toString(),
                    "-use_srtp", "SRTP_AES128_CM_SHA1_80:SRTP_AEAD_AES_128_GCM",
                    "-keymatexport", "EXTRACTOR-dtls_srtp", "-keymatexportlen", "56");

            SrtpKeyMaterial keys = events.awaitConnected();
            String exported = client.await(line -> line.contains("Keying material:"));

            // Our preference (GCM first) wins over the order openssl offered.
            assertThat(keys.profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
            assertThat(exportedHex(exported)).isEqualTo(hex(keys.remoteMasterKey(), keys.localMasterKey(),
                    keys.remoteMasterSalt(), keys.localMasterSalt()));
            assertThat(client.seen()).anyMatch(line -> line.contains("SRTP Extension negotiated, profile=SRTP_AEAD_AES_128_GCM"));

            transport.close();
            client.await(line -> line.contains("DONE") || line.contains("closed"));
        }
    }

    private Lines run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(process);
        return new Lines(process);
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static String exportedHex(String line) {
        return line.substring(line.indexOf(':') + 1).trim().toUpperCase();
    }

    private static String hex(byte[]... parts) {
        StringBuilder text = new StringBuilder();
        for (byte[] part : parts) {
            text.append(HexFormat.of().withUpperCase().formatHex(part));
        }
        return text.toString();
    }

    /** The process's output, line by line, read on a daemon thread. */
    private static final class Lines {
        private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
        private final List<String> seen = new ArrayList<>();

        Lines(Process process) {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        pending.add(line);
                    }
                } catch (IOException ignored) {
                    // process killed
                }
            }, "openssl-output");
            reader.setDaemon(true);
            reader.start();
        }

        String await(Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline) {
                String line = pending.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    seen.add(line);
                    if (wanted.test(line)) {
                        return line;
                    }
                }
            }
            throw new AssertionError("openssl never printed the expected line; output so far: " + seen);
        }

        List<String> seen() {
            pending.drainTo(seen);
            return seen;
        }
    }
}
