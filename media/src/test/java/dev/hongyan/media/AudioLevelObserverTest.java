package dev.hongyan.media;

import static dev.hongyan.media.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hongyan.media.dtls.DtlsRole;
import dev.hongyan.media.ortc.MediaKind;
import dev.hongyan.media.ortc.RtpHeaderExtensionParameters;
import dev.hongyan.media.rtp.RtpExtensions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The audio level observer with synthetic opus packets through a real transport. Its interval is long and
 * the test ends each interval itself ({@code update()} on the loop), so what falls in which interval is
 * the test's choice, not the timer's.
 */
class AudioLevelObserverTest {

    private static final class Events implements AudioLevelObserver.Listener {
        final List<String> seen = new CopyOnWriteArrayList<>();
        private final Map<Producer, String> names;

        Events(Map<Producer, String> names) {
            this.names = names;
        }

        @Override
        public void onVolumes(List<AudioLevelObserverVolume> volumes) {
            seen.add("volumes " + volumes.stream().map(v -> names.get(v.producer()) + "=" + v.volume()).toList());
        }

        @Override
        public void onSilence() {
            seen.add("silence");
        }

        @Override
        public void onRouterClose() {
            seen.add("routerclose");
        }

        @Override
        public void onClose() {
            seen.add("close");
        }
    }

    private int seq;

    /** Sends one packet per level (voice-activity flag set, as Chrome does when it detects voice). */
    private void send(EngineHarness.Connected c, int ssrc, String mid, int... levels) {
        for (int level : levels) {
            byte[] a = MediaFixtures.opusPacket(ssrc, ++seq, seq * 960, 60, mid, 0x80 | level);
            c.peer().sendRtp(a, a.length);
        }
    }

    private static int[] times(int n, int... cycle) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = cycle[i % cycle.length];
        }
        return out;
    }

    private static void received(Producer p, long packets) throws InterruptedException {
        await(() -> {
            List<RtpStreamStats> stats = p.getStats().join();
            return !stats.isEmpty() && stats.get(0).packetCount() == packets;
        });
    }

    @Test
    void reportsTheLoudestAveragedOverTheIntervalAndSilenceOnce() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            var send = h.connect(DtlsRole.SERVER, new Recorder());
            Producer a = send.transport().produce(ProducerOptions.of(MediaKind.AUDIO, MediaFixtures.opus("0", 2001)))
                    .get(5, TimeUnit.SECONDS);
            Producer b = send.transport().produce(ProducerOptions.of(MediaKind.AUDIO, MediaFixtures.opus("1", 2002)))
                    .get(5, TimeUnit.SECONDS);
            Producer c = send.transport().produce(ProducerOptions.of(MediaKind.AUDIO, MediaFixtures.opus("2", 2003)))
                    .get(5, TimeUnit.SECONDS);
            Producer video = send.transport().produce(ProducerOptions.of(MediaKind.VIDEO,
                    MediaFixtures.vp8("3", 1111, 1112))).get(5, TimeUnit.SECONDS);
            // The level extension survives into what the router keeps and what consumers are offered.
            assertThat(a.rtpParameters().headerExtensions()).extracting(RtpHeaderExtensionParameters::uri)
                    .contains(RtpExtensions.URI_AUDIO_LEVEL);

            AudioLevelObserver o = h.router.createAudioLevelObserver(
                    new AudioLevelObserverOptions(2, -50, 60_000, Map.of("room", "r"))).get(5, TimeUnit.SECONDS);
            Events events = new Events(Map.of(a, "a", b, "b", c, "c"));
            o.addListener(events);
            for (Producer p : List.of(a, b, c)) {
                o.addProducer(p.id()).get(5, TimeUnit.SECONDS);
            }
            o.addProducer(a.id()).get(5, TimeUnit.SECONDS); // twice: still one entry
            assertThatThrownBy(() -> o.addProducer(video.id()).get()).hasCauseInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> o.addProducer("nope").get()).hasCauseInstanceOf(IllegalArgumentException.class);

            // Interval 1: a averages 15 (10 and 20), b 40, c 60 (below -50), so: a then b.
            send(send, 2001, "0", times(12, 10, 20));
            send(send, 2002, "1", times(12, 40));
            send(send, 2003, "2", times(12, 60));
            received(a, 12);
            received(b, 12);
            received(c, 12);
            h.engine.loop().run(o::update).get();
            assertThat(events.seen).containsExactly("volumes [a=-15, b=-40]");

            // Interval 2: b louder now; a averages 3.5 -> -4 (rounded) but sends too few packets to count.
            send(send, 2002, "1", times(10, 30, 31));
            send(send, 2001, "0", times(MIN_PACKETS_MINUS_ONE, 3, 4));
            received(b, 22);
            received(a, 12 + MIN_PACKETS_MINUS_ONE);
            h.engine.loop().run(o::update).get();
            assertThat(events.seen).last().isEqualTo("volumes [b=-31]");

            // Interval 3: everyone quiet (c at 100 is far below the threshold): silence, once.
            send(send, 2003, "2", times(12, 100));
            received(c, 24);
            h.engine.loop().run(o::update).get();
            h.engine.loop().run(o::update).get();
            assertThat(events.seen).hasSize(3).last().isEqualTo("silence");

            // A producer removed is no longer heard; one closed leaves by itself.
            o.removeProducer(b.id()).get(5, TimeUnit.SECONDS);
            send(send, 2002, "1", times(12, 5));
            received(b, 34);
            h.engine.loop().run(o::update).get();
            assertThat(events.seen).hasSize(3);
            send(send, 2001, "0", times(12, 7));
            received(a, 12 + MIN_PACKETS_MINUS_ONE + 12);
            a.close().get(5, TimeUnit.SECONDS);
            h.engine.loop().run(o::update).get();
            assertThat(events.seen).hasSize(3);

            // A paused observer reports nothing.
            o.pause().get(5, TimeUnit.SECONDS);
            send(send, 2003, "2", times(12, 1));
            received(c, 36);
            h.engine.loop().run(o::update).get();
            assertThat(events.seen).hasSize(3);
            o.resume().get(5, TimeUnit.SECONDS);
            send(send, 2003, "2", times(12, 1));
            received(c, 48);
            h.engine.loop().run(o::update).get();
            assertThat(events.seen).hasSize(4).last().isEqualTo("volumes [c=-1]");

            h.router.close().get(5, TimeUnit.SECONDS);
            assertThat(events.seen).endsWith("routerclose", "close");
            assertThat(o.closed()).isTrue();
            assertThat(o.appData()).containsEntry("room", "r");
        }
    }

    private static final int MIN_PACKETS_MINUS_ONE = AudioLevelObserver.MIN_PACKETS - 1;

    @Test
    void theTimerReportsOnItsOwn() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            var send = h.connect(DtlsRole.SERVER, new Recorder());
            Producer a = send.transport().produce(ProducerOptions.of(MediaKind.AUDIO, MediaFixtures.opus("0", 2001)))
                    .get(5, TimeUnit.SECONDS);
            AudioLevelObserver o = h.router.createAudioLevelObserver(
                    new AudioLevelObserverOptions(1, -80, 300, Map.of())).get(5, TimeUnit.SECONDS);
            Events events = new Events(Map.of(a, "a"));
            o.addListener(events);
            o.addProducer(a.id()).get(5, TimeUnit.SECONDS);
            // 20 ms packets for a while: some interval holds enough of them.
            for (int i = 0; i < 60 && events.seen.isEmpty(); i++) {
                send(send, 2001, "0", 12);
                Thread.sleep(20);
            }
            await(() -> events.seen.contains("volumes [a=-12]"));
            await(() -> events.seen.contains("silence"));
            o.close().get(5, TimeUnit.SECONDS);
            assertThat(events.seen).last().isEqualTo("close");
        }
    }
}
