package dev.hongyan.media.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hongyan.media.stun.StunAttribute.ErrorCode;
import dev.hongyan.media.stun.StunAttribute.XorMappedAddress;
import dev.hongyan.media.stun.StunClass;
import dev.hongyan.media.stun.StunMessage;
import io.netty.channel.epoll.Epoll;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IceServerIntegrationTest {

    private static final byte[] RTP = {(byte) 0x80, 96, 0, 1, 0, 0, 0, 1, 0, 0, 0, 42, 1, 2, 3};
    private static final byte[] DTLS = {22, (byte) 0xFE, (byte) 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0};

    private IceServer server;
    private ControllingAgent agent;

    @BeforeEach
    void open() throws Exception {
        server = IceServer.open(IceServerOptions.of("127.0.0.1", 0).withConsentCheckInterval(Duration.ofMillis(50)));
        agent = new ControllingAgent(server.localAddress());
    }

    @AfterEach
    void close() {
        agent.close();
        server.close();
    }

    @Test
    void validCheckWithUseCandidateSelectsTheTupleAndMediaFlowsBothWays() throws Exception {
        RecordingListener events = new RecordingListener();
        IceTransport transport = server.createTransport(IceTransportOptions.defaults(), events);
        IceParameters local = transport.parameters();

        byte[] tx = agent.check(local, true);
        StunMessage response = agent.receiveStun();

        assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(response.transactionId()).isEqualTo(tx);
        assertThat(response.find(XorMappedAddress.class).address()).isEqualTo(agent.localAddress());
        assertThat(response.verifyIntegrity(local.password().getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(response.verifyFingerprint()).isTrue();
        assertThat(events.nextState()).isEqualTo(IceState.COMPLETED);
        assertThat(events.selections.poll(1, TimeUnit.SECONDS)).contains(agent.localAddress());
        assertThat(transport.state()).isEqualTo(IceState.COMPLETED);
        assertThat(transport.selectedRemoteAddress()).isEqualTo(agent.localAddress());

        agent.send(RTP);
        assertThat(events.nextPacket(2000)).isEqualTo(RTP);
        agent.send(DTLS);
        assertThat(events.nextPacket(2000)).isEqualTo(DTLS);

        assertThat(transport.send(RTP)).isTrue();
        assertThat(agent.receive(2000)).isEqualTo(RTP);
    }

    @Test
    void checkWithoutNominationConnectsAndALaterNominationMovesTheSelection() throws Exception {
        RecordingListener events = new RecordingListener();
        IceTransport transport = server.createTransport(IceTransportOptions.defaults(), events);
        try (ControllingAgent other = new ControllingAgent(server.localAddress())) {
            agent.check(transport.parameters(), false);
            assertThat(agent.receiveStun().messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
            assertThat(events.nextState()).isEqualTo(IceState.CONNECTED);
            assertThat(transport.selectedRemoteAddress()).isEqualTo(agent.localAddress());

            other.check(transport.parameters(), false); // a second valid pair, not nominated: selection stays
            assertThat(other.receiveStun().messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
            assertThat(transport.selectedRemoteAddress()).isEqualTo(agent.localAddress());
            other.send(RTP); // but media from any validated tuple is accepted
            assertThat(events.nextPacket(2000)).isEqualTo(RTP);

            other.check(transport.parameters(), true);
            assertThat(other.receiveStun().messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
            assertThat(events.nextState()).isEqualTo(IceState.COMPLETED);
            assertThat(transport.selectedRemoteAddress()).isEqualTo(other.localAddress());

            transport.send(DTLS);
            assertThat(other.receive(2000)).isEqualTo(DTLS);
            assertThat(agent.receive(200)).isNull();
        }
    }

    @Test
    void wrongPasswordGets401WithoutIntegrityAndNoTuple() throws Exception {
        RecordingListener events = new RecordingListener();
        IceTransport transport = server.createTransport(IceTransportOptions.defaults(), events);

        agent.sendCheck(transport.parameters().usernameFragment() + ":peer", "not-the-password-at-all", true, true);
        StunMessage response = agent.receiveStun();

        assertThat(response.messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
        assertThat(response.find(ErrorCode.class).code()).isEqualTo(401);
        assertThat(response.hasIntegrity()).isFalse();
        assertThat(response.verifyFingerprint()).isTrue();
        agent.send(RTP);
        assertThat(events.nextPacket(300)).isNull();
        assertThat(transport.state()).isEqualTo(IceState.NEW);
        assertThat(transport.send(RTP)).isFalse();
    }

    @Test
    void unknownUfragIsDropped() throws Exception {
        server.createTransport(IceTransportOptions.defaults(), new RecordingListener());

        agent.sendCheck("nosuchufrag0000:peer", "whateverpasswordwhatever", true, true);

        assertThat(agent.receive(300)).isNull();
    }

    @Test
    void missingUsernameOrIntegrityGets400() throws Exception {
        IceTransport transport = server.createTransport(IceTransportOptions.defaults(), new RecordingListener());

        agent.sendCheck(transport.parameters().usernameFragment() + ":peer", null, true, true); // no integrity
        StunMessage response = agent.receiveStun();

        assertThat(response.find(ErrorCode.class).code()).isEqualTo(400);
        assertThat(transport.state()).isEqualTo(IceState.NEW);
    }

    @Test
    void aPeerClaimingToBeControlledGets487RoleConflict() throws Exception {
        IceTransport transport = server.createTransport(IceTransportOptions.defaults(), new RecordingListener());
        IceParameters local = transport.parameters();

        agent.sendCheck(local.usernameFragment() + ":peer", local.password(), false, false);
        StunMessage response = agent.receiveStun();

        assertThat(response.find(ErrorCode.class).code()).isEqualTo(487);
        assertThat(response.verifyIntegrity(local.password().getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(transport.state()).isEqualTo(IceState.NEW);
    }

    @Test
    void anAddressValidatedByAnotherTransportMovesToIt() throws Exception {
        RecordingListener first = new RecordingListener();
        RecordingListener second = new RecordingListener();
        IceTransport a = server.createTransport(IceTransportOptions.defaults(), first);
        IceTransport b = server.createTransport(IceTransportOptions.defaults(), second);
        agent.check(a.parameters(), true);
        agent.receiveStun();
        assertThat(first.nextState()).isEqualTo(IceState.COMPLETED);

        agent.check(b.parameters(), true);
        agent.receiveStun();

        assertThat(second.nextState()).isEqualTo(IceState.COMPLETED);
        assertThat(first.nextState()).isEqualTo(IceState.DISCONNECTED);
        assertThat(a.send(RTP)).isFalse();
        agent.send(RTP);
        assertThat(second.nextPacket(2000)).isEqualTo(RTP);
        assertThat(first.nextPacket(200)).isNull();
    }

    @Test
    void zeroConsentTimeoutNeverDisconnects() throws Exception {
        RecordingListener events = new RecordingListener();
        IceTransport transport = server.createTransport(new IceTransportOptions(Duration.ZERO), events);
        agent.check(transport.parameters(), false);
        agent.receiveStun();
        assertThat(events.nextState()).isEqualTo(IceState.CONNECTED);

        assertThat(events.states.poll(400, TimeUnit.MILLISECONDS)).isNull();
        assertThat(transport.state()).isEqualTo(IceState.CONNECTED);
    }

    @Test
    void mediaFromAnAddressThatNeverPassedACheckIsDropped() throws Exception {
        RecordingListener events = new RecordingListener();
        server.createTransport(IceTransportOptions.defaults(), events);

        agent.send(RTP);
        agent.send(DTLS);

        assertThat(events.nextPacket(300)).isNull();
    }

    @Test
    void consentExpiresWithoutChecksAndTheOwnerIsTold() throws Exception {
        RecordingListener events = new RecordingListener();
        IceTransport transport = server.createTransport(new IceTransportOptions(Duration.ofMillis(800)), events);
        agent.check(transport.parameters(), true);
        agent.receiveStun();
        assertThat(events.nextState()).isEqualTo(IceState.COMPLETED);

        // Fresh checks keep consent alive past the timeout...
        for (int i = 0; i < 8; i++) { // 1.2 s of checks 150 ms apart: well past the 0.8 s timeout
            Thread.sleep(150);
            agent.check(transport.parameters(), false);
            agent.receiveStun();
        }
        assertThat(transport.state()).isEqualTo(IceState.COMPLETED);

        // ...and silence loses it.
        assertThat(events.nextState()).isEqualTo(IceState.DISCONNECTED);
        assertThat(transport.selectedRemoteAddress()).isNull();
        assertThat(transport.send(RTP)).isFalse();
        events.packets.clear();
        agent.send(RTP);
        assertThat(events.nextPacket(300)).isNull();
    }

    @Test
    void restartIceSwitchesCredentialsAndKeepsTheTuple() throws Exception {
        RecordingListener events = new RecordingListener();
        IceTransport transport = server.createTransport(IceTransportOptions.defaults(), events);
        IceParameters before = transport.parameters();
        agent.check(before, true);
        agent.receiveStun();

        IceParameters after = transport.restartIce();

        assertThat(after.usernameFragment()).isNotEqualTo(before.usernameFragment());
        assertThat(after.password()).isNotEqualTo(before.password());
        assertThat(transport.parameters()).isEqualTo(after);
        agent.send(RTP); // the tuple survives the restart until consent runs out
        assertThat(events.nextPacket(2000)).isEqualTo(RTP);
        agent.check(before, true);
        assertThat(agent.receive(300)).as("old ufrag no longer answered").isNull();
        agent.check(after, true);
        StunMessage response = agent.receiveStun();
        assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(response.verifyIntegrity(after.password().getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(transport.state()).isEqualTo(IceState.COMPLETED);
    }

    @Test
    void closeUnregistersAndReportsClosed() throws Exception {
        RecordingListener events = new RecordingListener();
        IceTransport transport = server.createTransport(IceTransportOptions.defaults(), events);
        agent.check(transport.parameters(), true);
        agent.receiveStun();
        assertThat(events.nextState()).isEqualTo(IceState.COMPLETED);

        transport.close();
        transport.close();

        assertThat(events.nextState()).isEqualTo(IceState.CLOSED);
        assertThat(events.states.poll(100, TimeUnit.MILLISECONDS)).isNull();
        assertThat(server.transportCount()).isZero();
        agent.check(transport.parameters(), true);
        assertThat(agent.receive(300)).isNull();
        agent.send(RTP);
        assertThat(events.nextPacket(200)).isNull();
        assertThatThrownBy(transport::restartIce).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingTheServerClosesItsTransports() throws Exception {
        RecordingListener events = new RecordingListener();
        server.createTransport(IceTransportOptions.defaults(), events);

        server.close();

        assertThat(events.nextState()).isEqualTo(IceState.CLOSED);
        assertThatThrownBy(() -> server.createTransport(IceTransportOptions.defaults(), events))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void candidatesAdvertiseTheBoundOrAnnouncedAddress() throws Exception {
        IceTransport transport = server.createTransport(IceTransportOptions.defaults(), new RecordingListener());
        assertThat(transport.candidates()).containsExactly(
                new IceCandidate("udpcandidate", 2130706431L, "127.0.0.1", "udp", server.port(), "host"));

        try (IceServer natted = IceServer.open(IceServerOptions.of("127.0.0.1", 0).withAnnouncedAddress("203.0.113.7"))) {
            assertThat(natted.candidates()).singleElement().satisfies(c -> {
                assertThat(c.ip()).isEqualTo("203.0.113.7");
                assertThat(c.port()).isEqualTo(natted.port());
            });
        }
        assertThatThrownBy(() -> IceServer.open(IceServerOptions.of("0.0.0.0", 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bindingATakenPortFails() {
        assertThatThrownBy(() -> IceServer.open(IceServerOptions.of("127.0.0.1", server.port()).withPreferNative(false)))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void worksOverNioToo() throws Exception {
        try (IceServer nio = IceServer.open(IceServerOptions.of("127.0.0.1", 0).withPreferNative(false));
                ControllingAgent client = new ControllingAgent(nio.localAddress())) {
            assertThat(nio.isNativeTransport()).isFalse();
            roundTrip(nio, client);
        }
    }

    @Test
    void worksWithSeveralReusePortSockets() throws Exception {
        assertTrue(Epoll.isAvailable(), "native epoll must load on Linux x86_64");
        try (IceServer multi = IceServer.open(IceServerOptions.of("127.0.0.1", 0).withSockets(2));
                ControllingAgent a = new ControllingAgent(multi.localAddress());
                ControllingAgent b = new ControllingAgent(multi.localAddress())) {
            assertThat(multi.isNativeTransport()).isTrue();
            roundTrip(multi, a);
            roundTrip(multi, b);
        }
    }

    @Test
    void servesIpv6AndIpv4ListenAddressesOverEpollAndNio() throws Exception {
        // An IPv4 listen address gets an IPv4-only socket (no IPv6 send path for mapped addresses), an IPv6
        // one an IPv6 socket; both must still carry checks and media either way.
        for (String ip : List.of("::1", "127.0.0.1")) {
            for (boolean preferNative : List.of(true, false)) {
                try (IceServer srv = IceServer.open(IceServerOptions.of(ip, 0).withPreferNative(preferNative));
                        ControllingAgent client = new ControllingAgent(srv.localAddress())) {
                    assertThat(srv.localAddress().getAddress()).isEqualTo(InetAddress.getByName(ip));
                    assertThat(client.localAddress().getAddress()).isEqualTo(InetAddress.getByName(ip));
                    String table = ip.contains(":") ? "/proc/net/udp6" : "/proc/net/udp";
                    String other = ip.contains(":") ? "/proc/net/udp" : "/proc/net/udp6";
                    assertThat(boundPorts(table)).contains(srv.port());
                    assertThat(boundPorts(other)).doesNotContain(srv.port());
                    roundTrip(srv, client);
                }
            }
        }
    }

    /** Local ports of the kernel's UDP sockets of one family, from /proc/net/udp or udp6. */
    private static List<Integer> boundPorts(String table) throws java.io.IOException {
        return java.nio.file.Files.readAllLines(java.nio.file.Path.of(table)).stream().skip(1)
                .map(line -> line.trim().split("\\s+")[1])
                .map(local -> Integer.parseInt(local.substring(local.indexOf(':') + 1), 16))
                .toList();
    }

    private static void roundTrip(IceServer srv, ControllingAgent client) throws Exception {
        RecordingListener events = new RecordingListener();
        IceTransport transport = srv.createTransport(IceTransportOptions.defaults(), events);
        client.check(transport.parameters(), true);
        StunMessage response = client.receiveStun();
        assertThat(response.find(XorMappedAddress.class).address()).isEqualTo(client.localAddress());
        client.send(RTP);
        assertThat(events.nextPacket(2000)).isEqualTo(RTP);
        assertThat(transport.send(DTLS)).isTrue();
        assertThat(client.receive(2000)).isEqualTo(DTLS);
        assertThat(events.selections.poll()).isEqualTo(Optional.of(client.localAddress()));
    }
}
