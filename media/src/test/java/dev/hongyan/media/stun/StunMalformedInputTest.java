package dev.hongyan.media.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever arrives on the socket, parse either returns or throws StunParseException. */
class StunMalformedInputTest {

    @Test
    void rejectsStructurallyBrokenMessages() {
        byte[] ok = Rfc5769Vectors.ipv4Response();
        assertRejected(new byte[0]);
        assertRejected(Arrays.copyOf(ok, 19));
        assertRejected(Arrays.copyOf(ok, ok.length - 4)); // length field no longer matches
        assertRejected(Arrays.copyOf(ok, ok.length + 4)); // trailing bytes
        byte[] badCookie = ok.clone();
        badCookie[4] = 0;
        assertRejected(badCookie);
        byte[] topBits = ok.clone();
        topBits[0] |= (byte) 0x80;
        assertRejected(topBits);
        byte[] overrun = ok.clone();
        overrun[23] = (byte) 0xFF; // SOFTWARE length 255 runs past the end
        assertRejected(overrun);
        byte[] afterFingerprint = Arrays.copyOf(ok, ok.length + 4);
        afterFingerprint[3] += 4;
        afterFingerprint[ok.length + 1] = 0x25; // USE-CANDIDATE after FINGERPRINT
        assertRejected(afterFingerprint);
        byte[] shortIntegrity = ok.clone();
        shortIntegrity[20 + 16 + 12 + 3] = 0x10; // MESSAGE-INTEGRITY claims 16 bytes
        assertRejected(shortIntegrity);
        byte[] badFamily = ok.clone();
        badFamily[20 + 16 + 4 + 1] = 0x03;
        assertRejected(badFamily);
    }

    @Test
    void rejectsNonMultipleOfFourLength() {
        byte[] b = new byte[22];
        b[1] = 0x01;
        b[3] = 2;
        b[4] = 0x21;
        b[5] = 0x12;
        b[6] = (byte) 0xA4;
        b[7] = 0x42;
        assertRejected(b);
        assertThat(StunMessage.looksLikeStun(b, 0, b.length)).isFalse();
    }

    @Test
    void parsesAtAnOffset() throws Exception {
        byte[] vector = Rfc5769Vectors.request();
        byte[] framed = new byte[vector.length + 10];
        System.arraycopy(vector, 0, framed, 7, vector.length);
        StunMessage m = StunMessage.parse(framed, 7, vector.length);
        assertThat(m.verifyIntegrity(Rfc5769Vectors.SHORT_TERM_PASSWORD.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void fuzzedInputOnlyEverThrowsTheParseException() {
        Random random = new Random(5769);
        List<byte[]> seeds = List.of(Rfc5769Vectors.request(), Rfc5769Vectors.ipv4Response(),
                Rfc5769Vectors.ipv6Response(), Rfc5769Vectors.longTermRequest());
        int parsed = 0;
        for (int i = 0; i < 50_000; i++) {
            byte[] b = mutate(random, seeds.get(random.nextInt(seeds.size())));
            try {
                StunMessage m = StunMessage.parse(b, 0, b.length);
                m.verifyIntegrity(new byte[] {1});
                m.verifyFingerprint();
                m.encode();
                parsed++;
            } catch (StunParseException expected) {
                // fine
            }
        }
        assertThat(parsed).isPositive();
    }

    private static byte[] mutate(Random random, byte[] seed) {
        byte[] b;
        switch (random.nextInt(4)) {
            case 0 -> { // random bytes that keep a valid header so the attribute walker is exercised
                b = new byte[20 + 4 * random.nextInt(30)];
                random.nextBytes(b);
                System.arraycopy(seed, 0, b, 0, 20);
                b[2] = (byte) ((b.length - 20) >>> 8);
                b[3] = (byte) (b.length - 20);
            }
            case 1 -> { // flip a few bytes
                b = seed.clone();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
            case 2 -> b = Arrays.copyOf(seed, random.nextInt(seed.length + 8)); // truncate or extend
            default -> { // pure noise
                b = new byte[random.nextInt(120)];
                random.nextBytes(b);
            }
        }
        return b;
    }

    private static void assertRejected(byte[] b) {
        assertThatThrownBy(() -> StunMessage.parse(b)).isInstanceOf(StunParseException.class);
    }
}
