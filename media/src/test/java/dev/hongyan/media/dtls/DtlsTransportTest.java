package dev.hongyan.media.dtls;

import dev.hongyan.media.srtp.SrtpProfile;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DtlsTransportTest {

    @Test
    void handshakeGivesBothSidesTheSameKeysCrosswise() throws Exception {
        try (DtlsPair pair = new DtlsPair()) {
            pair.start();

            SrtpKeyMaterial clientKeys = pair.clientEvents.awaitConnected();
            SrtpKeyMaterial serverKeys = pair.serverEvents.awaitConnected();

            assertThat(clientKeys.profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
            assertThat(serverKeys.profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
            assertThat(clientKeys.localMasterKey()).hasSize(16).isEqualTo(serverKeys.remoteMasterKey());
            assertThat(clientKeys.localMasterSalt()).hasSize(12).isEqualTo(serverKeys.remoteMasterSalt());
            assertThat(clientKeys.remoteMasterKey()).isEqualTo(serverKeys.localMasterKey());
            assertThat(clientKeys.remoteMasterSalt()).isEqualTo(serverKeys.localMasterSalt());
            assertThat(clientKeys.localMasterKey()).isNotEqualTo(clientKeys.remoteMasterKey());
            assertThat(pair.client.state()).isEqualTo(DtlsState.CONNECTED);
            assertThat(pair.server.state()).isEqualTo(DtlsState.CONNECTED);
            assertThat(pair.client.localRole()).isEqualTo(DtlsRole.CLIENT);
            assertThat(pair.server.localRole()).isEqualTo(DtlsRole.SERVER);
        }
    }

    @Test
    void lostFlightsAreRetransmitted() throws Exception {
        try (DtlsPair pair = new DtlsPair()) {
            pair.toServer.dropNext(1); // the first ClientHello
            pair.toClient.dropNext(2); // part of the server's first flight
            pair.start();

            assertThat(pair.clientEvents.awaitConnected()).isEqualTo(swap(pair.serverEvents.awaitConnected()));
        }
    }

    @Test
    void clientHelloArrivingBeforeServerStartIsKept() throws Exception {
        try (DtlsPair pair = new DtlsPair()) {
            long started = System.nanoTime();
            pair.startClient(pair.serverContext.certificate().fingerprints());
            Thread.sleep(200);
            assertThat(pair.server.state()).isEqualTo(DtlsState.NEW);
            pair.startServer(pair.clientContext.certificate().fingerprints());

            pair.serverEvents.awaitConnected();
            // Well under bctls's first 1 s retransmission: the buffered ClientHello was used.
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1000);
        }
    }

    @Test
    void startFromRemoteParametersResolvesRolesLikeMediasoup() throws Exception {
        try (DtlsPair pair = new DtlsPair()) {
            // The remote (our "client" transport) announces "client", so the server side must become server,
            // and the client side, told the remote is "auto", becomes client.
            pair.server.start(new DtlsParameters(DtlsRole.CLIENT, pair.clientContext.certificate().fingerprints()));
            pair.client.start(new DtlsParameters(DtlsRole.AUTO, pair.serverContext.certificate().fingerprints()));

            pair.clientEvents.awaitConnected();
            pair.serverEvents.awaitConnected();
            assertThat(pair.server.localRole()).isEqualTo(DtlsRole.SERVER);
            assertThat(pair.client.localRole()).isEqualTo(DtlsRole.CLIENT);
        }
    }

    @Test
    void clientRejectsServerCertificateThatDoesNotMatchFingerprint() throws Exception {
        try (DtlsPair pair = new DtlsPair()) {
            pair.startServer(pair.clientContext.certificate().fingerprints());
            // Expect some other engine's certificate.
            try (DtlsContext stranger = new DtlsContext(DtlsConfig.defaults())) {
                pair.startClient(List.of(stranger.certificate().fingerprint("sha-256")));
            }

            assertThat(pair.clientEvents.awaitFailed()).contains("does not match");
            assertThat(pair.serverEvents.awaitFailed()).contains("bad_certificate");
            assertThat(pair.clientEvents.connected).isNotDone();
            assertThat(pair.serverEvents.connected).isNotDone();
            assertThat(pair.client.state()).isEqualTo(DtlsState.FAILED);
        }
    }

    @Test
    void serverRejectsClientCertificateThatDoesNotMatchFingerprint() throws Exception {
        try (DtlsPair pair = new DtlsPair()) {
            DtlsFingerprint real = pair.clientContext.certificate().fingerprint("sha-256");
            char last = real.value().charAt(real.value().length() - 1);
            String tampered = real.value().substring(0, real.value().length() - 1) + (last == '0' ? '1' : '0');
            pair.startServer(List.of(new DtlsFingerprint("sha-256", tampered)));
            pair.startClient(pair.serverContext.certificate().fingerprints());

            assertThat(pair.serverEvents.awaitFailed()).contains("does not match");
            assertThat(pair.clientEvents.awaitFailed()).contains("bad_certificate");
            assertThat(pair.serverEvents.connected).isNotDone();
        }
    }

    @Test
    void verificationUsesTheStrongestSignaledHash() throws Exception {
        try (DtlsPair pair = new DtlsPair()) {
            // sha-1 matches but sha-512 does not: a weak match must not be enough (RFC 8122 §5).
            try (DtlsContext stranger = new DtlsContext(DtlsConfig.defaults())) {
                pair.startServer(List.of(pair.clientContext.certificate().fingerprint("sha-1"),
                        stranger.certificate().fingerprint("sha-512")));
            }
            pair.startClient(pair.serverContext.certificate().fingerprints());

            assertThat(pair.serverEvents.awaitFailed()).contains("sha-512");
        }
    }

    @Test
    void serverPreferenceChoosesTheProfile() throws Exception {
        DtlsConfig client = DtlsConfig.defaults().withSrtpProfiles(
                List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80));
        DtlsConfig server = DtlsConfig.defaults().withSrtpProfiles(
                List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80, SrtpProfile.AEAD_AES_128_GCM));
        try (DtlsPair pair = new DtlsPair(client, server)) {
            pair.start();
            SrtpKeyMaterial keys = pair.clientEvents.awaitConnected();
            assertThat(keys.profile()).isEqualTo(SrtpProfile.AES_CM_128_HMAC_SHA1_80);
            assertThat(keys.localMasterKey()).hasSize(16);
            assertThat(keys.localMasterSalt()).hasSize(14);
            assertThat(pair.serverEvents.awaitConnected()).isEqualTo(swap(keys));
        }
    }

    @Test
    void profileOnlyTheClientOffersIsNegotiatedWhenTheServerAcceptsIt() throws Exception {
        DtlsConfig client = DtlsConfig.defaults().withSrtpProfiles(List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_32));
        DtlsConfig server = DtlsConfig.defaults().withSrtpProfiles(
                List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_32));
        try (DtlsPair pair = new DtlsPair(client, server)) {
            pair.start();
            assertThat(pair.serverEvents.awaitConnected().profile()).isEqualTo(SrtpProfile.AES_CM_128_HMAC_SHA1_32);
        }
    }

    @Test
    void aes256GcmUsesLongKeys() throws Exception {
        DtlsConfig both = DtlsConfig.defaults().withSrtpProfiles(List.of(SrtpProfile.AEAD_AES_256_GCM));
        try (DtlsPair pair = new DtlsPair(both, both)) {
            pair.start();
            SrtpKeyMaterial keys = pair.clientEvents.awaitConnected();
            assertThat(keys.profile()).isEqualTo(SrtpProfile.AEAD_AES_256_GCM);
            assertThat(keys.localMasterKey()).hasSize(32);
            assertThat(keys.localMasterSalt()).hasSize(12);
            assertThat(pair.serverEvents.awaitConnected()).isEqualTo(swap(keys));
        }
    }

    @Test
    void noCommonProfileFailsBothSides() throws Exception {
        DtlsConfig client = DtlsConfig.defaults().withSrtpProfiles(List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_32));
        DtlsConfig server = DtlsConfig.defaults().withSrtpProfiles(List.of(SrtpProfile.AEAD_AES_128_GCM));
        try (DtlsPair pair = new DtlsPair(client, server)) {
            pair.start();
            assertThat(pair.serverEvents.awaitFailed()).contains("no SRTP profile in common");
            assertThat(pair.clientEvents.awaitFailed()).contains("handshake_failure");
        }
    }

    @Test
    void clientFailsWhenThePeerIsSilent() throws Exception {
        DtlsConfig quick = DtlsConfig.defaults().withHandshakeTimeout(Duration.ofMillis(400));
        try (DtlsPair pair = new DtlsPair(quick, quick)) {
            pair.toServer.silence();
            long started = System.nanoTime();
            pair.startClient(pair.serverContext.certificate().fingerprints());

            assertThat(pair.clientEvents.awaitFailed()).contains("timed out");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(350);
            assertThat(pair.toServer.sent()).isPositive(); // it did send a ClientHello
            assertThat(pair.client.state()).isEqualTo(DtlsState.FAILED);
        }
    }

    @Test
    void serverFailsWhenNoClientHelloArrives() throws Exception {
        DtlsConfig quick = DtlsConfig.defaults().withHandshakeTimeout(Duration.ofMillis(300));
        try (DtlsPair pair = new DtlsPair(quick, quick)) {
            pair.startServer(pair.clientContext.certificate().fingerprints());

            assertThat(pair.serverEvents.awaitFailed()).contains("timed out");
            assertThat(pair.serverContext.handshakeExecutor().getCompletedTaskCount()).isZero();
        }
    }

    @Test
    void closeSendsCloseNotifyAndThePeerReportsClosed() throws Exception {
        try (DtlsPair pair = new DtlsPair()) {
            pair.start();
            pair.clientEvents.awaitConnected();
            pair.serverEvents.awaitConnected();

            pair.client.close();

            pair.clientEvents.awaitClosed();
            pair.serverEvents.awaitClosed();
            assertThat(pair.server.state()).isEqualTo(DtlsState.CLOSED);
            assertThat(pair.client.state()).isEqualTo(DtlsState.CLOSED);
            Thread.sleep(100); // let the server's answering close_notify reach the closed client
            assertThat(pair.clientEvents.terminalEvents).hasValue(1);
            assertThat(pair.serverEvents.terminalEvents).hasValue(1);
        }
    }

    @Test
    void closeDuringHandshakeReportsClosedAndFreesTheThread() throws Exception {
        try (DtlsPair pair = new DtlsPair()) {
            pair.toServer.silence();
            pair.startClient(pair.serverContext.certificate().fingerprints());
            Thread.sleep(100);

            pair.client.close();

            pair.clientEvents.awaitClosed();
            assertThat(pair.clientEvents.failed).isNotDone();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (pair.clientContext.handshakeExecutor().getActiveCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(pair.clientContext.handshakeExecutor().getActiveCount()).isZero();
        }
    }

    @Test
    void applicationDataFlowsBothWays() throws Exception {
        try (DtlsPair pair = new DtlsPair()) {
            pair.start();
            pair.clientEvents.awaitConnected();
            pair.serverEvents.awaitConnected();

            byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
            pair.client.sendApplicationData(ping, 0, ping.length);
            assertThat(pair.serverEvents.data.poll(5, TimeUnit.SECONDS)).isEqualTo(ping);

            byte[] pong = new byte[pair.server.applicationDataLimit()];
            pong[0] = 42;
            pair.server.sendApplicationData(pong, 0, pong.length);
            assertThat(pair.clientEvents.data.poll(5, TimeUnit.SECONDS)).isEqualTo(pong);
            assertThat(pair.server.applicationDataLimit()).isLessThan(1200);
        }
    }

    @Test
    void sendingBeforeConnectedIsRejected() {
        try (DtlsPair pair = new DtlsPair()) {
            assertThatThrownBy(() -> pair.client.sendApplicationData(new byte[1], 0, 1))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void startTwiceIsRejected() {
        try (DtlsPair pair = new DtlsPair()) {
            pair.toServer.silence();
            pair.start();
            assertThatThrownBy(pair::start).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> pair.clientContext.createTransport(new RecordingListener(), b -> { })
                    .start(DtlsRole.AUTO, pair.serverContext.certificate().fingerprints()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void handshakeLimitRejectsExcessHandshakes() throws Exception {
        DtlsConfig tiny = DtlsConfig.defaults().withHandshakeLimits(1, 0);
        try (DtlsContext context = new DtlsContext(tiny);
             DtlsContext remote = new DtlsContext(DtlsConfig.defaults())) {
            RecordingListener first = new RecordingListener();
            RecordingListener second = new RecordingListener();
            // Silent peers: the first handshake holds the only thread, the second has nowhere to wait.
            context.createTransport(first, b -> { }).start(DtlsRole.CLIENT, remote.certificate().fingerprints());
            context.createTransport(second, b -> { }).start(DtlsRole.CLIENT, remote.certificate().fingerprints());

            assertThat(second.awaitFailed()).contains("too many");
            assertThat(first.failed).isNotDone();
        }
    }

    private static SrtpKeyMaterial swap(SrtpKeyMaterial keys) {
        return new SrtpKeyMaterial(keys.profile(), keys.remoteMasterKey(), keys.remoteMasterSalt(),
                keys.localMasterKey(), keys.localMasterSalt());
    }
}
