package dev.hongyan.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import dev.hongyan.media.MediaEngine;
import dev.hongyan.media.dtls.DtlsConfig;
import dev.hongyan.media.dtls.DtlsContext;
import dev.hongyan.media.dtls.DtlsRole;
import dev.hongyan.media.loopback.LoopbackNetwork;
import dev.hongyan.media.loopback.LoopbackPeer;
import dev.hongyan.media.rtp.RtpPacket;
import java.net.InetSocketAddress;
import dev.hongyan.media.MediaEngineOptions;
import dev.hongyan.media.ortc.MediaKind;
import dev.hongyan.media.ortc.RtpJson;
import dev.hongyan.media.ortc.RtpParameters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The media room's rules, against the real engine on loopback (no media flows: signaling state only). */
final class MediaRoomTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SSRC = new AtomicLong(100_000_000L);

    private MediaEngine engine;
    private ExecutorService pool;
    private MediaRooms rooms;
    private String roomId;

    @BeforeEach
    void start() throws Exception {
        engine = MediaEngine.create(MediaEngineOptions.loopback());
        pool = Executors.newFixedThreadPool(2);
        rooms = new MediaRooms(engine, MediaRoomSettings.defaults(), pool);
        roomId = "room-" + UUID.randomUUID();
    }

    @AfterEach
    void stop() throws Exception {
        engine.close();
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    // ---- helpers ----

    private Member connect(String peerId) {
        return connect(peerId, false);
    }

    private Member connect(String peerId, boolean admin) {
        RecordingPeer listener = new RecordingPeer();
        MediaPeer peer = get(rooms.connect(roomId, peerId, admin, listener));
        return new Member(peer, listener);
    }

    /** Transports for sending and receiving, then join with the router's capabilities. */
    private List<PeerInfo> prepareAndJoin(Member member, boolean consume) {
        member.send = get(member.peer.createWebRtcTransport(new TransportRequest(true, false, false, false)));
        if (consume) {
            get(member.peer.createWebRtcTransport(new TransportRequest(false, true, false, true)));
        }
        return join(member, consume);
    }

    private List<PeerInfo> join(Member member, boolean consume) {
        CompletableFuture<List<PeerInfo>> answer = new CompletableFuture<>();
        member.peer.join(new JoinRequest(member.peer.id(), new PeerDevice("test", "junit", "6"),
                consume ? member.peer.routerRtpCapabilities() : null), (peers, failure) -> {
                    if (failure != null) {
                        answer.completeExceptionally(failure);
                    } else {
                        answer.complete(peers);
                    }
                });
        return get(answer);
    }

    private String produceAudio(Member member) {
        return get(member.peer.produce(new ProduceRequest(member.send.id(), MediaKind.AUDIO, opus(), Map.of())));
    }

    private static RtpParameters opus() {
        try {
            return RtpJson.parseRtpParameters(JSON.readTree("""
                    {"mid": "%d", "codecs": [{"mimeType": "audio/opus", "payloadType": 111, "clockRate": 48000,
                      "channels": 2, "parameters": {"useinbandfec": 1}, "rtcpFeedback": [{"type": "transport-cc"}]}],
                     "headerExtensions": [{"uri": "urn:ietf:params:rtp-hdrext:sdes:mid", "id": 4}],
                     "encodings": [{"ssrc": %d}], "rtcp": {"cname": "junit"}}
                    """.formatted(SSRC.get() % 1000, SSRC.incrementAndGet())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Polls until the engine's side of the member's sending transport has finished DTLS (has its SRTP keys):
     * the engine says so in its stats only.
     */
    private static void awaitEngineDtlsConnected(Member member) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!"connected".equals(get(member.peer.transportStats(member.send.id())).get(0).dtlsState())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the engine's DTLS did not connect within 5 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Waits until every task queued on the room so far has run: what they were to tell a member, it has been told. */
    private void settle() {
        get(rooms.find(roomId).orElseThrow().executor().submit(() -> null));
    }

    private static <T> T get(CompletableFuture<T> future) {
        try {
            return future.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new CompletionException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A burst of opus packets (20 ms apart in RTP time, at once in wall time) carrying level {@code level}
     * (-dBov). 50 packets: wherever an interval of the room's observer ends (every 800 ms), one side of
     * that end holds at least 25, more than an interval needs for a level to count.
     */
    private static void speak(LoopbackPeer browser, long ssrc, int firstSequence, int level) {
        RtpPacket p = new RtpPacket();
        for (int i = firstSequence; i < firstSequence + 50; i++) {
            byte[] b = new byte[128];
            b[0] = (byte) 0x80;
            b[1] = 111;
            p.wrap(b, 0, 12 + 40);
            p.setSsrc((int) ssrc);
            p.setSequenceNumber(i);
            p.setTimestamp(i * 960);
            int len = p.setExtension(10, new byte[] {(byte) (0x80 | level)});
            assertThat(browser.sendRtp(b, len)).as("sent").isTrue();
        }
    }

    private static void assertRefused(ThrowableAssert.ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call).hasCauseInstanceOf(CoreException.class)
                .satisfies(e -> {
                    CoreException core = (CoreException) e.getCause();
                    assertThat(core.code()).isEqualTo(code);
                    assertThat(core.getMessage()).isEqualTo(message);
                });
    }

    private static final class Member {
        final MediaPeer peer;
        final RecordingPeer events;
        TransportInfo send;

        Member(MediaPeer peer, RecordingPeer events) {
            this.peer = peer;
            this.events = events;
        }
    }

    // ---- tests ----

    @Test
    void joinAnswersTheOtherJoinedPeersAndAnnouncesTheNewOne() {
        Member alice = connect("alice");
        Member bob = connect("bob");
        Member lurker = connect("lurker");
        assertThat(prepareAndJoin(alice, true)).isEmpty();
        List<PeerInfo> peers = prepareAndJoin(bob, true);
        assertThat(peers).containsExactly(new PeerInfo("alice", "alice", new PeerDevice("test", "junit", "6")));
        alice.events.await("peerJoined", v -> ((PeerInfo) v).id().equals("bob"));
        settle();
        assertThat(lurker.events.of("peerJoined")).as("not joined, not told").isEmpty();
    }

    @Test
    void joinTwiceAndActingBeforeJoinAreRefused() {
        Member alice = connect("alice");
        TransportInfo send = get(alice.peer.createWebRtcTransport(new TransportRequest(true, false, false, false)));
        assertRefused(() -> get(alice.peer.produce(new ProduceRequest(send.id(), MediaKind.AUDIO, opus(), Map.of()))),
                ErrorCode.BAD_REQUEST, "Peer not yet joined");
        assertRefused(() -> get(alice.peer.changeDisplayName("x")), ErrorCode.BAD_REQUEST, "Peer not yet joined");
        assertRefused(() -> get(alice.peer.pauseConsumer("c")), ErrorCode.BAD_REQUEST, "Peer not yet joined");
        join(alice, false);
        assertRefused(() -> join(alice, false), ErrorCode.CONFLICT, "Peer already joined");
    }

    @Test
    void unknownIdsAreNotFoundInTheDemosWords() {
        Member alice = connect("alice");
        prepareAndJoin(alice, true);
        assertRefused(() -> get(alice.peer.restartIce("t1")), ErrorCode.NOT_FOUND, "transport with id \"t1\" not found");
        assertRefused(() -> get(alice.peer.closeProducer("p1")), ErrorCode.NOT_FOUND, "producer with id \"p1\" not found");
        assertRefused(() -> get(alice.peer.resumeConsumer("c1")), ErrorCode.NOT_FOUND, "consumer with id \"c1\" not found");
        assertRefused(() -> get(alice.peer.dataProducerStats("d1")), ErrorCode.NOT_FOUND, "dataProducer with id \"d1\" not found");
        assertRefused(() -> get(alice.peer.produceData(alice.send.id())), ErrorCode.NOT_IMPLEMENTED,
                "data channels are not supported yet (this server has no SCTP): produceData refused");
    }

    @Test
    void aProducerIsOfferedPausedToEveryOtherJoinedPeerThatCanConsumeAndResumedOnAccept() {
        Member alice = connect("alice");
        Member bob = connect("bob");
        Member sendOnly = connect("sendonly");
        Member noCaps = connect("nocaps");
        prepareAndJoin(alice, true);
        prepareAndJoin(bob, true);
        prepareAndJoin(sendOnly, false);
        // A consuming transport but no capabilities: nothing can be offered.
        get(noCaps.peer.createWebRtcTransport(new TransportRequest(false, true, false, false)));
        join(noCaps, false);

        String producerId = produceAudio(alice);
        ConsumerOffer offer = bob.events.awaitOffer(producerId);
        assertThat(offer.peerId()).isEqualTo("alice");
        assertThat(offer.kind()).isEqualTo(MediaKind.AUDIO);
        assertThat(offer.appData()).containsEntry("peerId", "alice");
        assertThat(offer.producerPaused()).isFalse();
        bob.events.await("consumerScore", offer.id());
        assertThat(sendOnly.events.none("newConsumer")).isTrue();
        assertThat(noCaps.events.none("newConsumer")).isTrue();
        assertThat(alice.events.offers).isEmpty();

        // A peer joining later gets the existing producer too.
        Member carol = connect("carol");
        prepareAndJoin(carol, true);
        carol.events.awaitOffer(producerId);
    }

    @Test
    void onlyTheOwnerOrAnAdminControlsAProducerAndTheOthersHearOfIt() {
        Member alice = connect("alice");
        Member bob = connect("bob");
        Member admin = connect("admin", true);
        prepareAndJoin(alice, true);
        prepareAndJoin(bob, true);
        prepareAndJoin(admin, false);
        String producerId = produceAudio(alice);
        ConsumerOffer offer = bob.events.awaitOffer(producerId);

        String notYours = "producer with id \"" + producerId + "\" belongs to another peer";
        assertRefused(() -> get(bob.peer.pauseProducer(producerId)), ErrorCode.FORBIDDEN, notYours);
        assertRefused(() -> get(bob.peer.closeProducer(producerId)), ErrorCode.FORBIDDEN, notYours);

        get(alice.peer.pauseProducer(producerId));
        bob.events.await("consumerPaused", offer.id());
        get(admin.peer.resumeProducer(producerId));
        bob.events.await("consumerResumed", offer.id());
        get(admin.peer.closeProducer(producerId));
        bob.events.await("consumerClosed", offer.id());
        assertRefused(() -> get(bob.peer.pauseConsumer(offer.id())), ErrorCode.NOT_FOUND,
                "consumer with id \"" + offer.id() + "\" not found");
    }

    @Test
    void aRefusedOfferLeavesTheConsumerPausedWithoutAScore() {
        Member alice = connect("alice");
        Member bob = connect("bob");
        bob.events.acceptOffers = false;
        prepareAndJoin(alice, true);
        prepareAndJoin(bob, true);
        String producerId = produceAudio(alice);
        bob.events.awaitOffer(producerId);
        assertThat(bob.events.none("consumerScore")).isTrue();
    }

    @Test
    void leavingClosesWhatThePeerOwnsAndTellsTheOthers() {
        Member alice = connect("alice");
        Member bob = connect("bob");
        prepareAndJoin(alice, true);
        prepareAndJoin(bob, true);
        String producerId = produceAudio(alice);
        ConsumerOffer offer = bob.events.awaitOffer(producerId);
        get(alice.peer.leave());
        bob.events.await("consumerClosed", offer.id());
        bob.events.await("peerLeft", "alice");
        settle();
        assertThat(alice.events.of("closed")).as("a peer that left is not told it was closed").isEmpty();
    }

    @Test
    void displayNameChangesReachTheOthers() {
        Member alice = connect("alice");
        Member bob = connect("bob");
        prepareAndJoin(alice, true);
        prepareAndJoin(bob, true);
        get(bob.peer.changeDisplayName("Robert"));
        alice.events.await("peerDisplayNameChanged", List.of("bob", "Robert", "bob"));
    }

    @Test
    void theSamePeerIdAgainReplacesTheOldPeerAndKeepsTheRoom() {
        Member first = connect("twin");
        prepareAndJoin(first, true);
        String routerId = rooms.find(roomId).orElseThrow().routerId();
        Member watcher = connect("watcher");
        prepareAndJoin(watcher, true);
        Member second = connect("twin");
        first.events.await("closed", CloseReason.REPLACED);
        watcher.events.await("peerLeft", "twin");
        assertThat(first.peer.isClosed()).isTrue();
        assertThat(rooms.find(roomId).orElseThrow().routerId()).isEqualTo(routerId);
        assertThat(prepareAndJoin(second, true)).extracting(PeerInfo::id).containsExactly("watcher");
        // The old handle leaving late must not remove the new peer.
        get(first.peer.leave());
        assertThat(get(rooms.find(roomId).orElseThrow().size())).isEqualTo(2);

        // Even as the only member, a replacement does not close the room (mediasoup-demo quirk Q5 not copied).
        String lonely = "room-" + UUID.randomUUID();
        roomId = lonely;
        Member only = connect("solo");
        String lonelyRouter = rooms.find(lonely).orElseThrow().routerId();
        Member again = connect("solo");
        only.events.await("closed", CloseReason.REPLACED);
        assertThat(again.peer.isClosed()).isFalse();
        assertThat(rooms.find(lonely).orElseThrow().routerId()).isEqualTo(lonelyRouter);
    }

    @Test
    void theRoomClosesWithItsLastPeerAndTheNextGetsAFreshRouter() {
        Member alice = connect("alice");
        prepareAndJoin(alice, true);
        MediaRoom room = rooms.find(roomId).orElseThrow();
        String routerId = room.routerId();
        get(alice.peer.leave());
        assertThat(room.isClosed()).isTrue();
        assertThat(rooms.find(roomId)).isEmpty();
        assertThat(rooms.size()).isZero();

        Member bob = connect("bob");
        assertThat(rooms.find(roomId).orElseThrow().routerId()).isNotEqualTo(routerId);
        assertThat(prepareAndJoin(bob, true)).isEmpty();
    }

    // ---- limits and sizes ----

    private MediaRooms limited(int maxRooms, int maxPeersPerRoom, int maxTransportsPerPeer, int maxProducersPerPeer) {
        return new MediaRooms(engine, MediaRoomSettings.defaults()
                .withLimits(maxRooms, maxPeersPerRoom, maxTransportsPerPeer, maxProducersPerPeer), pool);
    }

    @Test
    void theDefaultsAreTheDocumentedLimits() {
        MediaRoomSettings defaults = MediaRoomSettings.defaults();
        assertThat(defaults.maxRooms()).isEqualTo(1000);
        assertThat(defaults.maxPeersPerRoom()).isEqualTo(100);
        assertThat(defaults.maxTransportsPerPeer()).isEqualTo(4);
        assertThat(defaults.maxProducersPerPeer()).isEqualTo(16);
    }

    @Test
    void membersTransportsTakeTheRoomsBitratesAndABadOneIsRefusedAtTheStart() {
        MediaRoomSettings settings = MediaRoomSettings.defaults().withInitialAvailableOutgoingBitrate(2_000_000);
        assertThat(settings.transportOptions().initialAvailableOutgoingBitrate()).isEqualTo(2_000_000L);
        assertThat(settings.transportOptions().maxIncomingBitrate()).isEqualTo(settings.maxIncomingBitrate());
        assertThat(settings.transportOptions().iceConsentTimeout()).isEqualTo(20);
        assertThat(settings.transportOptions().enableSctp()).isFalse();
        assertThat(MediaRoomSettings.defaults().initialAvailableOutgoingBitrate()).isEqualTo(600_000L);
        assertThatThrownBy(() -> MediaRoomSettings.defaults().withInitialAvailableOutgoingBitrate(1_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialAvailableOutgoingBitrate");
    }

    @Test
    void noMoreRoomsThanMaxRoomsAndAClosedRoomFreesItsPlace() {
        rooms = limited(2, 100, 4, 16);
        MediaPeer first = get(rooms.connect("r1", "a", false, new RecordingPeer()));
        get(rooms.connect("r2", "a", false, new RecordingPeer()));
        // A member of an existing room is no new room.
        get(rooms.connect("r1", "b", false, new RecordingPeer()));
        assertRefused(() -> get(rooms.connect("r3", "a", false, new RecordingPeer())), ErrorCode.LIMIT_EXCEEDED,
                "too many rooms, room r3 not created (maxRooms is 2)");
        assertThat(rooms.size()).isEqualTo(2);

        get(first.leave());
        get(rooms.connect("r1", "b", false, new RecordingPeer()).thenCompose(MediaPeer::leave));
        assertThat(rooms.size()).isEqualTo(1);
        assertThat(get(rooms.connect("r3", "a", false, new RecordingPeer())).isClosed()).isFalse();
    }

    @Test
    void noMoreMembersThanMaxPeersPerRoomButAReplacementIsNoNewMember() {
        rooms = limited(10, 2, 4, 16);
        connect("alice");
        Member bob = connect("bob");
        assertRefused(() -> connect("carol"), ErrorCode.LIMIT_EXCEEDED, "room " + roomId + " is full (maxPeersPerRoom is 2)");
        Member alice = connect("alice");
        assertThat(alice.peer.isClosed()).isFalse();
        get(bob.peer.leave());
        assertThat(connect("carol").peer.isClosed()).isFalse();
    }

    @Test
    void noMoreTransportsThanMaxTransportsPerPeerEvenWhenAskedAllAtOnce() {
        rooms = limited(10, 10, 2, 16);
        Member alice = connect("alice");
        TransportRequest request = new TransportRequest(true, false, false, false);
        List<CompletableFuture<TransportInfo>> burst = List.of(alice.peer.createWebRtcTransport(request),
                alice.peer.createWebRtcTransport(request), alice.peer.createWebRtcTransport(request));
        assertThat(get(burst.get(0))).isNotNull();
        assertThat(get(burst.get(1))).isNotNull();
        assertRefused(() -> get(burst.get(2)), ErrorCode.LIMIT_EXCEEDED, "too many transports (maxTransportsPerPeer is 2)");
        // Another member has its own allowance.
        Member bob = connect("bob");
        assertThat(get(bob.peer.createWebRtcTransport(request))).isNotNull();
    }

    @Test
    void noMoreProducersThanMaxProducersPerPeerUntilOneCloses() {
        rooms = limited(10, 10, 4, 2);
        Member alice = connect("alice");
        prepareAndJoin(alice, false);
        List<CompletableFuture<String>> burst = List.of(
                alice.peer.produce(new ProduceRequest(alice.send.id(), MediaKind.AUDIO, opus(), Map.of())),
                alice.peer.produce(new ProduceRequest(alice.send.id(), MediaKind.AUDIO, opus(), Map.of())),
                alice.peer.produce(new ProduceRequest(alice.send.id(), MediaKind.AUDIO, opus(), Map.of())));
        String first = get(burst.get(0));
        get(burst.get(1));
        assertRefused(() -> get(burst.get(2)), ErrorCode.LIMIT_EXCEEDED, "too many producers (maxProducersPerPeer is 2)");
        get(alice.peer.closeProducer(first));
        assertThat(produceAudio(alice)).isNotBlank();
    }

    @Test
    void displayNamesDevicesAndAppDataThatEveryoneWouldReceiveAreCapped() {
        String tooLong = "x".repeat(257);
        assertThatThrownBy(() -> new JoinRequest(tooLong, null, null)).isInstanceOf(CoreException.class)
                .hasMessage("displayName is longer than 256 characters");
        assertThat(new JoinRequest("x".repeat(256), null, null).displayName()).hasSize(256);
        assertThatThrownBy(() -> new PeerDevice("chrome", tooLong, "120")).isInstanceOf(CoreException.class)
                .hasMessage("device.name is longer than 256 characters");
        assertThatThrownBy(() -> new PeerDevice(tooLong, null, null)).hasMessage("device.flag is longer than 256 characters");
        assertThatThrownBy(() -> new PeerDevice(null, null, tooLong)).hasMessage("device.version is longer than 256 characters");

        Map<String, Object> many = new java.util.HashMap<>();
        for (int i = 0; i < 33; i++) {
            many.put("k" + i, i);
        }
        assertThatThrownBy(() -> new ProduceRequest("t", MediaKind.AUDIO, opus(), many)).isInstanceOf(CoreException.class)
                .hasMessage("appData has more than 32 entries");
        assertThatThrownBy(() -> new ProduceRequest("t", MediaKind.AUDIO, opus(), Map.of("big", "y".repeat(4096))))
                .isInstanceOf(CoreException.class).hasMessage("appData is larger than 4096 bytes as JSON");
        assertThatThrownBy(() -> new ProduceRequest("t", MediaKind.AUDIO, opus(),
                Map.of("nested", Map.of("deeper", List.of("z".repeat(5000)))))).hasMessage("appData is larger than 4096 bytes as JSON");
        many.remove("k0");
        assertThat(new ProduceRequest("t", MediaKind.AUDIO, opus(), many).appData()).hasSize(32);
        assertThat(((CoreException) catchThrowable(() -> new ProduceRequest("t", MediaKind.AUDIO, opus(), Map.of("big", "y".repeat(4096))))).code())
                .isEqualTo(ErrorCode.INVALID_BODY);

        Member alice = connect("alice");
        prepareAndJoin(alice, true);
        assertRefused(() -> get(alice.peer.changeDisplayName(tooLong)), ErrorCode.INVALID_BODY,
                "displayName is longer than 256 characters");
    }

    @Test
    void theLoudestSpeakerIsAnnouncedToEveryJoinedPeerThenSilenceOnce() throws Exception {
        Member alice = connect("alice");
        Member bob = connect("bob");
        prepareAndJoin(alice, true);
        prepareAndJoin(bob, true);
        long ssrc = SSRC.incrementAndGet();
        RtpParameters params = RtpJson.parseRtpParameters(JSON.readTree("""
                {"mid": "0", "codecs": [{"mimeType": "audio/opus", "payloadType": 111, "clockRate": 48000,
                  "channels": 2, "parameters": {}, "rtcpFeedback": []}],
                 "headerExtensions": [{"uri": "urn:ietf:params:rtp-hdrext:sdes:mid", "id": 1},
                                      {"uri": "urn:ietf:params:rtp-hdrext:ssrc-audio-level", "id": 10}],
                 "encodings": [{"ssrc": %d}], "rtcp": {"cname": "junit"}}
                """.formatted(ssrc)));
        String producerId = get(alice.peer.produce(new ProduceRequest(alice.send.id(), MediaKind.AUDIO, params, Map.of())));
        bob.events.awaitOffer(producerId);

        // Alice's browser, as far as the engine can tell: ICE, DTLS, SRTP over loopback.
        try (LoopbackNetwork network = new LoopbackNetwork();
                DtlsContext dtls = new DtlsContext(DtlsConfig.defaults());
                LoopbackPeer browser = LoopbackPeer.open(network, new InetSocketAddress("127.0.0.1", engine.port()),
                        dtls, DtlsRole.SERVER, (buf, len, at) -> { }, true)) {
            get(alice.peer.connectWebRtcTransport(alice.send.id(), browser.dtlsParameters()));
            browser.connect(alice.send.iceParameters(), alice.send.dtlsParameters()).get(10, TimeUnit.SECONDS);
            // The browser's side can be done before the engine's: until the engine has its keys, it drops RTP.
            awaitEngineDtlsConnected(alice);
            speak(browser, ssrc, 0, 25);
            for (Member member : List.of(alice, bob)) {
                member.events.await("activeSpeaker", "alice=-25");
            }
            // Quiet now: silence.
            for (Member member : List.of(alice, bob)) {
                member.events.await("activeSpeaker", "silence");
            }
            // Speaking again ends the quiet, and the room tells each member in order: all it relayed of the
            // quiet came before this. (That the observer itself stays quiet over several silent intervals is
            // AudioLevelObserverTest's, which ends the intervals by hand.)
            speak(browser, ssrc, 50, 30);
            for (Member member : List.of(alice, bob)) {
                member.events.await("activeSpeaker", "alice=-30");
            }
            for (Member member : List.of(alice, bob)) {
                List<String> heard = member.events.of("activeSpeaker").stream().map(String.class::cast).toList();
                // The burst may straddle an interval's end: then it is announced twice.
                assertThat(String.join(",", heard.subList(0, heard.indexOf("alice=-30") + 1)))
                        .matches("(alice=-25,)+silence,alice=-30");
            }
        }
    }
}
