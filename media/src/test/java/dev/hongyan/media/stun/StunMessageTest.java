package dev.hongyan.media.stun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hongyan.media.stun.StunAttribute.ErrorCode;
import dev.hongyan.media.stun.StunAttribute.Fingerprint;
import dev.hongyan.media.stun.StunAttribute.IceControlled;
import dev.hongyan.media.stun.StunAttribute.IceControlling;
import dev.hongyan.media.stun.StunAttribute.MessageIntegrity;
import dev.hongyan.media.stun.StunAttribute.Priority;
import dev.hongyan.media.stun.StunAttribute.Software;
import dev.hongyan.media.stun.StunAttribute.Unknown;
import dev.hongyan.media.stun.StunAttribute.UnknownAttributes;
import dev.hongyan.media.stun.StunAttribute.UseCandidate;
import dev.hongyan.media.stun.StunAttribute.Username;
import dev.hongyan.media.stun.StunAttribute.XorMappedAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StunMessageTest {

    private static final byte[] KEY = Rfc5769Vectors.SHORT_TERM_PASSWORD.getBytes(StandardCharsets.UTF_8);

    @Test
    void parsesSampleRequest() throws Exception {
        StunMessage m = StunMessage.parse(Rfc5769Vectors.request());

        assertThat(m.messageClass()).isEqualTo(StunClass.REQUEST);
        assertThat(m.method()).isEqualTo(StunMessage.METHOD_BINDING);
        assertThat(HexFormat.of().formatHex(m.transactionId())).isEqualTo(Rfc5769Vectors.TRANSACTION_ID);
        assertThat(m.find(Software.class).value()).isEqualTo("STUN test client");
        assertThat(m.find(Priority.class).value()).isEqualTo(0x6e0001ffL);
        assertThat(m.find(IceControlled.class).tieBreaker()).isEqualTo(0x932ff9b151263b36L);
        assertThat(m.find(Username.class).value()).isEqualTo("evtj:h6vY");
        assertThat(m.hasIntegrity()).isTrue();
        assertThat(m.hasFingerprint()).isTrue();
        assertThat(m.verifyIntegrity(KEY)).isTrue();
        assertThat(m.verifyFingerprint()).isTrue();
        assertThat(m.verifyIntegrity("wrong".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void parsesSampleIpv4Response() throws Exception {
        StunMessage m = StunMessage.parse(Rfc5769Vectors.ipv4Response());

        assertThat(m.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(m.method()).isEqualTo(StunMessage.METHOD_BINDING);
        assertThat(m.find(Software.class).value()).isEqualTo("test vector");
        assertThat(m.find(XorMappedAddress.class).address())
                .isEqualTo(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
        assertThat(m.verifyIntegrity(KEY)).isTrue();
        assertThat(m.verifyFingerprint()).isTrue();
    }

    @Test
    void parsesSampleIpv6Response() throws Exception {
        StunMessage m = StunMessage.parse(Rfc5769Vectors.ipv6Response());

        assertThat(m.find(XorMappedAddress.class).address()).isEqualTo(
                new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853));
        assertThat(m.verifyIntegrity(KEY)).isTrue();
        assertThat(m.verifyFingerprint()).isTrue();
    }

    @Test
    void parsesLongTermRequestAndChecksItWithTheMd5Key() throws Exception {
        StunMessage m = StunMessage.parse(Rfc5769Vectors.longTermRequest());

        String username = "\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9";
        assertThat(m.find(Username.class).value()).isEqualTo(username);
        assertThat(m.attributes()).contains(new Unknown(0x0014, "example.org".getBytes(StandardCharsets.US_ASCII)));
        assertThat(m.hasFingerprint()).isFalse();
        assertThat(m.verifyFingerprint()).isFalse();
        // Long-term key = MD5(username ":" realm ":" SASLprep(password)); "The\u00ADM\u00AAtr\u2168" preps to "TheMatrIX".
        byte[] key = MessageDigest.getInstance("MD5")
                .digest((username + ":example.org:TheMatrIX").getBytes(StandardCharsets.UTF_8));
        assertThat(m.verifyIntegrity(key)).isTrue();
        assertThat(m.unknownComprehensionRequired()).containsExactly(0x0015, 0x0014); // NONCE, REALM
    }

    @Test
    void encodesSampleRequestByteForByte() throws Exception {
        StunMessage m = StunMessage.of(StunClass.REQUEST, StunMessage.METHOD_BINDING,
                HexFormat.of().parseHex(Rfc5769Vectors.TRANSACTION_ID),
                List.of(new Software("STUN test client"), new Priority(0x6e0001ffL),
                        new IceControlled(0x932ff9b151263b36L), new Username("evtj:h6vY")));

        assertThat(m.encode(KEY, true, (byte) 0x20)).isEqualTo(Rfc5769Vectors.request());
    }

    @Test
    void encodesSampleResponsesByteForByte() throws Exception {
        byte[] tx = HexFormat.of().parseHex(Rfc5769Vectors.TRANSACTION_ID);
        StunMessage v4 = StunMessage.of(StunClass.SUCCESS_RESPONSE, StunMessage.METHOD_BINDING, tx,
                List.of(new Software("test vector"), new XorMappedAddress(
                        new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853))));
        StunMessage v6 = StunMessage.of(StunClass.SUCCESS_RESPONSE, StunMessage.METHOD_BINDING, tx,
                List.of(new Software("test vector"), new XorMappedAddress(new InetSocketAddress(
                        InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853))));

        assertThat(v4.encode(KEY, true, (byte) 0x20)).isEqualTo(Rfc5769Vectors.ipv4Response());
        assertThat(v6.encode(KEY, true, (byte) 0x20)).isEqualTo(Rfc5769Vectors.ipv6Response());
    }

    @Test
    void reencodingAParsedMessageKeepsItsAttributes() throws Exception {
        for (byte[] vector : List.of(Rfc5769Vectors.request(), Rfc5769Vectors.ipv4Response(),
                Rfc5769Vectors.ipv6Response(), Rfc5769Vectors.longTermRequest())) {
            StunMessage parsed = StunMessage.parse(vector);
            StunMessage again = StunMessage.parse(parsed.encode());
            assertThat(again).isEqualTo(parsed);
        }
    }

    @Test
    void roundTripsEveryModelledAttribute() throws Exception {
        byte[] tx = StunMessage.newTransactionId(new Random(7));
        List<StunAttribute> attrs = List.of(
                new Username("abcd:efgh"), new Software("hongyan"), new Priority(0xFFFF_FFFFL),
                new UseCandidate(), new IceControlling(-1L), new IceControlled(42L),
                new ErrorCode(487, "Role Conflict"), new UnknownAttributes(List.of(0x0015, 0x7FFF)),
                new XorMappedAddress(new InetSocketAddress(InetAddress.getByName("::1"), 65535)),
                new Unknown(0xC057, new byte[] {1, 2, 3}));
        StunMessage m = StunMessage.of(StunClass.ERROR_RESPONSE, StunMessage.METHOD_BINDING, tx, attrs);

        byte[] wire = m.encode("pwd".getBytes(StandardCharsets.UTF_8), true);
        StunMessage parsed = StunMessage.parse(wire);

        assertThat(Integer.toHexString(((wire[0] & 0xFF) << 8) | (wire[1] & 0xFF))).isEqualTo("111");
        assertThat(parsed.attributes().subList(0, attrs.size())).isEqualTo(attrs);
        assertThat(parsed.attributes().get(attrs.size())).isInstanceOf(MessageIntegrity.class);
        assertThat(parsed.attributes().get(attrs.size() + 1)).isInstanceOf(Fingerprint.class);
        assertThat(parsed.verifyIntegrity("pwd".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(parsed.verifyFingerprint()).isTrue();
        assertThat(StunMessage.looksLikeStun(wire, 0, wire.length)).isTrue();
    }

    @Test
    void messageClassesAndMethodsUseTheInterleavedTypeBits() throws Exception {
        byte[] tx = new byte[12];
        for (StunClass c : StunClass.values()) {
            for (int method : new int[] {0x001, 0x003, 0x00A, 0xFFF}) {
                StunMessage parsed = StunMessage.parse(StunMessage.of(c, method, tx, List.of()).encode());
                assertThat(parsed.messageClass()).isEqualTo(c);
                assertThat(parsed.method()).isEqualTo(method);
            }
        }
        assertThat(StunMessage.of(StunClass.INDICATION, 1, tx, List.of()).encode()[1]).isEqualTo((byte) 0x11);
    }

    @Test
    void anyChangedBitBreaksIntegrityOrFingerprint() throws Exception {
        byte[] vector = Rfc5769Vectors.request();
        for (int i = 0; i < vector.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] copy = vector.clone();
                copy[i] ^= (byte) (1 << bit);
                StunMessage m;
                try {
                    m = StunMessage.parse(copy);
                } catch (StunParseException e) {
                    continue;
                }
                assertThat(m.verifyIntegrity(KEY) && m.verifyFingerprint())
                        .as("byte %d bit %d", i, bit).isFalse();
            }
        }
    }

    @Test
    void attributesAfterIntegrityAreIgnoredExceptFingerprint() throws Exception {
        byte[] tx = new byte[12];
        byte[] signed = StunMessage.of(StunClass.REQUEST, 1, tx, List.of(new Username("a:b")))
                .encode("k".getBytes(StandardCharsets.UTF_8), false);
        // Append SOFTWARE "x" after MESSAGE-INTEGRITY and fix the length field.
        byte[] extended = java.util.Arrays.copyOf(signed, signed.length + 8);
        int at = signed.length;
        extended[at] = (byte) 0x80;
        extended[at + 1] = 0x22;
        extended[at + 3] = 1;
        extended[at + 4] = 'x';
        extended[3] = (byte) (extended.length - 20);

        StunMessage m = StunMessage.parse(extended);

        assertThat(m.has(Software.class)).isFalse();
        assertThat(m.verifyIntegrity("k".getBytes(StandardCharsets.UTF_8))).isTrue();
    }
}
