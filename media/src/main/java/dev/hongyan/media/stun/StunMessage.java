package dev.hongyan.media.stun;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A STUN message (RFC 8489 §5): class, method, transaction id and attributes.
 *
 * <p>A parsed message also keeps the bytes it was parsed from, because MESSAGE-INTEGRITY and FINGERPRINT
 * must be checked over exactly what was received (padding included), not over a re-encoding. Attributes
 * after MESSAGE-INTEGRITY other than FINGERPRINT are ignored, and nothing may follow FINGERPRINT
 * (RFC 8489 §14.5, §14.7). Immutable and thread-safe.
 */
public final class StunMessage {

    public static final int HEADER_LENGTH = 20;
    public static final int MAGIC_COOKIE = 0x2112A442;
    public static final int TRANSACTION_ID_LENGTH = 12;
    public static final int METHOD_BINDING = 0x001;

    static final int FINGERPRINT_XOR = 0x5354554E;
    private static final int INTEGRITY_ATTRIBUTE_LENGTH = 4 + 20;
    private static final int FINGERPRINT_ATTRIBUTE_LENGTH = 4 + 4;

    private final StunClass messageClass;
    private final int method;
    private final byte[] transactionId;
    private final List<StunAttribute> attributes;
    private final byte[] raw; // null unless parsed
    private final int integrityOffset; // offset in raw of the MESSAGE-INTEGRITY attribute header, or -1
    private final int fingerprintOffset; // offset in raw of the FINGERPRINT attribute header, or -1

    private StunMessage(StunClass messageClass, int method, byte[] transactionId, List<StunAttribute> attributes,
            byte[] raw, int integrityOffset, int fingerprintOffset) {
        this.messageClass = messageClass;
        this.method = method;
        this.transactionId = transactionId;
        this.attributes = attributes;
        this.raw = raw;
        this.integrityOffset = integrityOffset;
        this.fingerprintOffset = fingerprintOffset;
    }

    /** A message to encode. MESSAGE-INTEGRITY and FINGERPRINT are best added by {@link #encode(byte[], boolean)}. */
    public static StunMessage of(StunClass messageClass, int method, byte[] transactionId,
            List<StunAttribute> attributes) {
        Objects.requireNonNull(messageClass, "messageClass");
        if (method < 0 || method > 0xFFF) {
            throw new IllegalArgumentException("method is 12 bits: " + method);
        }
        if (transactionId.length != TRANSACTION_ID_LENGTH) {
            throw new IllegalArgumentException("transaction id is 12 bytes");
        }
        return new StunMessage(messageClass, method, transactionId.clone(), List.copyOf(attributes), null, -1, -1);
    }

    public static byte[] newTransactionId(Random random) {
        byte[] id = new byte[TRANSACTION_ID_LENGTH];
        random.nextBytes(id);
        return id;
    }

    /**
     * Cheap test for "this datagram is a STUN message with the RFC 5389 magic cookie": the first two bits are
     * zero, the length is a multiple of 4 and matches the datagram. Does not look at attributes.
     */
    public static boolean looksLikeStun(byte[] b, int off, int len) {
        return off >= 0 && len >= HEADER_LENGTH && off + len <= b.length
                && (b[off] & 0xC0) == 0
                && Bytes.int32(b, off + 4) == MAGIC_COOKIE
                && Bytes.uint16(b, off + 2) + HEADER_LENGTH == len
                && (len & 3) == 0;
    }

    public static StunMessage parse(byte[] b) throws StunParseException {
        return parse(b, 0, b.length);
    }

    /**
     * Parses one whole datagram. Throws {@link StunParseException} for anything malformed, never another
     * exception for any content of {@code b[off, off+len)}.
     */
    public static StunMessage parse(byte[] b, int off, int len) throws StunParseException {
        Objects.checkFromIndexSize(off, len, b.length); // caller bug, not bad input: unchecked is right
        if (len < HEADER_LENGTH) {
            throw new StunParseException("shorter than a STUN header: " + len);
        }
        if ((b[off] & 0xC0) != 0) {
            throw new StunParseException("first two bits are not zero");
        }
        if (Bytes.int32(b, off + 4) != MAGIC_COOKIE) {
            throw new StunParseException("no magic cookie (RFC 3489 messages are not supported)");
        }
        int bodyLength = Bytes.uint16(b, off + 2);
        if ((bodyLength & 3) != 0 || bodyLength + HEADER_LENGTH != len) {
            throw new StunParseException("length field " + bodyLength + " does not match datagram of " + len);
        }
        byte[] raw = Arrays.copyOfRange(b, off, off + len);
        int type = Bytes.uint16(raw, 0);
        StunClass messageClass = StunClass.ofBits(((type >>> 7) & 0x2) | ((type >>> 4) & 0x1));
        int method = (type & 0x000F) | ((type & 0x00E0) >>> 1) | ((type & 0x3E00) >>> 2);
        byte[] transactionId = Arrays.copyOfRange(raw, 8, HEADER_LENGTH);

        List<StunAttribute> attributes = new ArrayList<>();
        int integrityOffset = -1;
        int fingerprintOffset = -1;
        int pos = HEADER_LENGTH;
        while (pos < len) {
            if (fingerprintOffset >= 0) {
                throw new StunParseException("attribute after FINGERPRINT");
            }
            if (len - pos < 4) {
                throw new StunParseException("truncated attribute header at " + pos);
            }
            int attrType = Bytes.uint16(raw, pos);
            int attrLength = Bytes.uint16(raw, pos + 2);
            int valueOffset = pos + 4;
            int padded = (attrLength + 3) & ~3;
            if (padded > len - valueOffset) {
                throw new StunParseException("attribute 0x" + Integer.toHexString(attrType) + " overruns the message");
            }
            if (attrType == StunAttribute.FINGERPRINT) {
                fingerprintOffset = pos;
                attributes.add(StunAttributeCodec.decode(attrType, raw, valueOffset, attrLength, transactionId));
            } else if (integrityOffset < 0) {
                if (attrType == StunAttribute.MESSAGE_INTEGRITY) {
                    integrityOffset = pos;
                }
                attributes.add(StunAttributeCodec.decode(attrType, raw, valueOffset, attrLength, transactionId));
            } // else: after MESSAGE-INTEGRITY and not FINGERPRINT, ignored by rule
            pos = valueOffset + padded;
        }
        return new StunMessage(messageClass, method, transactionId, List.copyOf(attributes), raw,
                integrityOffset, fingerprintOffset);
    }

    public StunClass messageClass() {
        return messageClass;
    }

    public int method() {
        return method;
    }

    public byte[] transactionId() {
        return transactionId.clone();
    }

    public List<StunAttribute> attributes() {
        return attributes;
    }

    /** The first attribute of that record type, or null. */
    public <T extends StunAttribute> T find(Class<T> type) {
        for (StunAttribute a : attributes) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }

    public boolean has(Class<? extends StunAttribute> type) {
        return find(type) != null;
    }

    /** Comprehension-required attribute types this codec does not model (for a 420 answer). */
    public List<Integer> unknownComprehensionRequired() {
        List<Integer> unknown = new ArrayList<>(0);
        for (StunAttribute a : attributes) {
            if (a instanceof StunAttribute.Unknown u && StunAttribute.isComprehensionRequired(u.type())) {
                unknown.add(u.type());
            }
        }
        return unknown;
    }

    public boolean hasIntegrity() {
        return integrityOffset >= 0;
    }

    public boolean hasFingerprint() {
        return fingerprintOffset >= 0;
    }

    /**
     * Checks MESSAGE-INTEGRITY (RFC 8489 §14.5) with {@code key}: for short-term credentials the
     * password's UTF-8 bytes (ice-pwd is ASCII, so SASLprep/OpaqueString changes nothing). False when the
     * message was not parsed from bytes or has no MESSAGE-INTEGRITY.
     */
    public boolean verifyIntegrity(byte[] key) {
        if (raw == null || integrityOffset < 0) {
            return false;
        }
        // The HMAC covers the header with its length field counting up to the end of MESSAGE-INTEGRITY.
        byte[] expected = hmacSha1(key, raw, integrityOffset, integrityOffset + INTEGRITY_ATTRIBUTE_LENGTH - HEADER_LENGTH);
        return MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, integrityOffset + 4, integrityOffset + 24));
    }

    /** Checks FINGERPRINT (RFC 8489 §14.7). False when the message was not parsed or has none. */
    public boolean verifyFingerprint() {
        if (raw == null || fingerprintOffset < 0) {
            return false;
        }
        return Bytes.int32(raw, fingerprintOffset + 4) == fingerprint(raw, fingerprintOffset);
    }

    /** The attributes exactly as held, MESSAGE-INTEGRITY and FINGERPRINT included with their held values. */
    public byte[] encode() {
        return encode(attributes, null, false, (byte) 0);
    }

    /**
     * Encodes with a fresh MESSAGE-INTEGRITY (if {@code integrityKey} is not null) and FINGERPRINT (if asked),
     * dropping any held ones.
     */
    public byte[] encode(byte[] integrityKey, boolean fingerprint) {
        return encode(withoutChecks(), integrityKey, fingerprint, (byte) 0);
    }

    /** Test seam: RFC 5769 pads with spaces, and the HMAC covers the padding. */
    byte[] encode(byte[] integrityKey, boolean fingerprint, byte padding) {
        return encode(withoutChecks(), integrityKey, fingerprint, padding);
    }

    private List<StunAttribute> withoutChecks() {
        List<StunAttribute> kept = new ArrayList<>(attributes.size());
        for (StunAttribute a : attributes) {
            if (!(a instanceof StunAttribute.MessageIntegrity) && !(a instanceof StunAttribute.Fingerprint)) {
                kept.add(a);
            }
        }
        return kept;
    }

    private byte[] encode(List<StunAttribute> attrs, byte[] integrityKey, boolean withFingerprint, byte padding) {
        byte[][] values = new byte[attrs.size()][];
        int length = HEADER_LENGTH;
        for (int i = 0; i < values.length; i++) {
            values[i] = StunAttributeCodec.encode(attrs.get(i), transactionId);
            length += 4 + ((values[i].length + 3) & ~3);
        }
        int integrityAt = length;
        if (integrityKey != null) {
            length += INTEGRITY_ATTRIBUTE_LENGTH;
        }
        int fingerprintAt = length;
        if (withFingerprint) {
            length += FINGERPRINT_ATTRIBUTE_LENGTH;
        }
        if (length - HEADER_LENGTH > 0xFFFF) {
            throw new IllegalArgumentException("STUN message too long: " + length);
        }
        byte[] out = new byte[length];
        int type = (method & 0x000F) | ((method & 0x0070) << 1) | ((method & 0x0F80) << 2)
                | ((messageClass.bits() & 0x1) << 4) | ((messageClass.bits() & 0x2) << 7);
        Bytes.putInt16(out, 0, type);
        Bytes.putInt16(out, 2, length - HEADER_LENGTH);
        Bytes.putInt32(out, 4, MAGIC_COOKIE);
        System.arraycopy(transactionId, 0, out, 8, TRANSACTION_ID_LENGTH);
        int pos = HEADER_LENGTH;
        for (int i = 0; i < values.length; i++) {
            Bytes.putInt16(out, pos, attrs.get(i).type());
            Bytes.putInt16(out, pos + 2, values[i].length);
            System.arraycopy(values[i], 0, out, pos + 4, values[i].length);
            int end = pos + 4 + ((values[i].length + 3) & ~3);
            Arrays.fill(out, pos + 4 + values[i].length, end, padding);
            pos = end;
        }
        if (integrityKey != null) {
            byte[] hmac = hmacSha1(integrityKey, out, integrityAt, integrityAt + INTEGRITY_ATTRIBUTE_LENGTH - HEADER_LENGTH);
            Bytes.putInt16(out, integrityAt, StunAttribute.MESSAGE_INTEGRITY);
            Bytes.putInt16(out, integrityAt + 2, 20);
            System.arraycopy(hmac, 0, out, integrityAt + 4, 20);
        }
        if (withFingerprint) {
            Bytes.putInt16(out, fingerprintAt, StunAttribute.FINGERPRINT);
            Bytes.putInt16(out, fingerprintAt + 2, 4);
            Bytes.putInt32(out, fingerprintAt + 4, fingerprint(out, fingerprintAt));
        }
        return out;
    }

    /** HMAC-SHA1 over msg[0, end) with the header's length field replaced by {@code lengthField}. */
    private static byte[] hmacSha1(byte[] key, byte[] msg, int end, int lengthField) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            // An empty key is legal for STUN but rejected by SecretKeySpec; HMAC pads keys with zeros anyway.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA1"));
            mac.update(msg, 0, 2);
            mac.update((byte) (lengthField >>> 8));
            mac.update((byte) lengthField);
            mac.update(msg, 4, end - 4);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required of every Java platform", e);
        }
    }

    /** CRC-32 over msg[0, fingerprintAt) with the length field counting through FINGERPRINT, xor'd. */
    private static int fingerprint(byte[] msg, int fingerprintAt) {
        int lengthField = fingerprintAt + FINGERPRINT_ATTRIBUTE_LENGTH - HEADER_LENGTH;
        CRC32 crc = new CRC32();
        crc.update(msg, 0, 2);
        crc.update(lengthField >>> 8);
        crc.update(lengthField);
        crc.update(msg, 4, fingerprintAt - 4);
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StunMessage m && messageClass == m.messageClass && method == m.method
                && Arrays.equals(transactionId, m.transactionId) && attributes.equals(m.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageClass, method, Arrays.hashCode(transactionId), attributes);
    }

    @Override
    public String toString() {
        return "StunMessage[" + messageClass + " method=0x" + Integer.toHexString(method)
                + " tx=" + HexFormat.of().formatHex(transactionId) + " " + attributes + "]";
    }
}
