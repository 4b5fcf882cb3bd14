package dev.hongyan.media.stun;

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
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Attribute values to and from bytes. Every read is bounds-checked against the declared length first. */
final class StunAttributeCodec {

    private static final int FAMILY_IPV4 = 0x01;
    private static final int FAMILY_IPV6 = 0x02;

    private StunAttributeCodec() {}

    static StunAttribute decode(int type, byte[] b, int off, int len, byte[] transactionId)
            throws StunParseException {
        switch (type) {
            case StunAttribute.USERNAME:
                return new Username(utf8(b, off, len));
            case StunAttribute.SOFTWARE:
                return new Software(utf8(b, off, len));
            case StunAttribute.MESSAGE_INTEGRITY:
                expectLength(type, len, 20);
                return new MessageIntegrity(Arrays.copyOfRange(b, off, off + 20));
            case StunAttribute.FINGERPRINT:
                expectLength(type, len, 4);
                return new Fingerprint(Bytes.int32(b, off));
            case StunAttribute.PRIORITY:
                expectLength(type, len, 4);
                return new Priority(Bytes.int32(b, off) & 0xFFFF_FFFFL);
            case StunAttribute.USE_CANDIDATE:
                expectLength(type, len, 0);
                return new UseCandidate();
            case StunAttribute.ICE_CONTROLLED:
                expectLength(type, len, 8);
                return new IceControlled(Bytes.int64(b, off));
            case StunAttribute.ICE_CONTROLLING:
                expectLength(type, len, 8);
                return new IceControlling(Bytes.int64(b, off));
            case StunAttribute.XOR_MAPPED_ADDRESS:
                return decodeXorAddress(b, off, len, transactionId);
            case StunAttribute.ERROR_CODE:
                return decodeErrorCode(b, off, len);
            case StunAttribute.UNKNOWN_ATTRIBUTES:
                return decodeUnknownAttributes(b, off, len);
            default:
                return new Unknown(type, Arrays.copyOfRange(b, off, off + len));
        }
    }

    /** The value bytes, without padding. */
    static byte[] encode(StunAttribute a, byte[] transactionId) {
        if (a instanceof Username u) {
            return u.value().getBytes(StandardCharsets.UTF_8);
        } else if (a instanceof Software s) {
            return s.value().getBytes(StandardCharsets.UTF_8);
        } else if (a instanceof MessageIntegrity m) {
            return m.hmac();
        } else if (a instanceof Fingerprint f) {
            return int32(f.crc());
        } else if (a instanceof Priority p) {
            return int32((int) p.value());
        } else if (a instanceof UseCandidate) {
            return new byte[0];
        } else if (a instanceof IceControlled c) {
            return int64(c.tieBreaker());
        } else if (a instanceof IceControlling c) {
            return int64(c.tieBreaker());
        } else if (a instanceof XorMappedAddress x) {
            return encodeXorAddress(x.address(), transactionId);
        } else if (a instanceof ErrorCode e) {
            byte[] reason = e.reason().getBytes(StandardCharsets.UTF_8);
            byte[] v = new byte[4 + reason.length];
            v[2] = (byte) (e.code() / 100);
            v[3] = (byte) (e.code() % 100);
            System.arraycopy(reason, 0, v, 4, reason.length);
            return v;
        } else if (a instanceof UnknownAttributes u) {
            byte[] v = new byte[2 * u.types().size()];
            for (int i = 0; i < u.types().size(); i++) {
                Bytes.putInt16(v, 2 * i, u.types().get(i));
            }
            return v;
        } else if (a instanceof Unknown u) {
            return u.value();
        }
        throw new IllegalArgumentException("unsupported attribute " + a);
    }

    private static XorMappedAddress decodeXorAddress(byte[] b, int off, int len, byte[] txId)
            throws StunParseException {
        if (len < 4) {
            throw new StunParseException("XOR-MAPPED-ADDRESS too short: " + len);
        }
        int family = b[off + 1] & 0xFF;
        int port = Bytes.uint16(b, off + 2) ^ (StunMessage.MAGIC_COOKIE >>> 16);
        byte[] ip;
        if (family == FAMILY_IPV4) {
            expectLength(StunAttribute.XOR_MAPPED_ADDRESS, len, 8);
            ip = Arrays.copyOfRange(b, off + 4, off + 8);
        } else if (family == FAMILY_IPV6) {
            expectLength(StunAttribute.XOR_MAPPED_ADDRESS, len, 20);
            ip = Arrays.copyOfRange(b, off + 4, off + 20);
        } else {
            throw new StunParseException("XOR-MAPPED-ADDRESS unknown family " + family);
        }
        xorWithCookieAndTxId(ip, txId);
        try {
            return new XorMappedAddress(new InetSocketAddress(InetAddress.getByAddress(ip), port));
        } catch (UnknownHostException impossible) { // only thrown for a wrong array length, ruled out above
            throw new StunParseException("bad address length");
        }
    }

    private static byte[] encodeXorAddress(InetSocketAddress address, byte[] txId) {
        byte[] ip = address.getAddress().getAddress();
        byte[] v = new byte[4 + ip.length];
        v[1] = (byte) (ip.length == 4 ? FAMILY_IPV4 : FAMILY_IPV6);
        Bytes.putInt16(v, 2, address.getPort() ^ (StunMessage.MAGIC_COOKIE >>> 16));
        xorWithCookieAndTxId(ip, txId);
        System.arraycopy(ip, 0, v, 4, ip.length);
        return v;
    }

    /** IPv4 is xored with the cookie, IPv6 with cookie || transaction id (RFC 8489 §14.2). */
    private static void xorWithCookieAndTxId(byte[] ip, byte[] txId) {
        for (int i = 0; i < ip.length; i++) {
            int k = i < 4 ? (StunMessage.MAGIC_COOKIE >>> (24 - 8 * i)) : txId[i - 4];
            ip[i] ^= (byte) k;
        }
    }

    private static ErrorCode decodeErrorCode(byte[] b, int off, int len) throws StunParseException {
        if (len < 4) {
            throw new StunParseException("ERROR-CODE too short: " + len);
        }
        int cls = b[off + 2] & 0x07;
        int number = b[off + 3] & 0xFF;
        if (cls < 3 || cls > 6 || number > 99) {
            throw new StunParseException("ERROR-CODE out of range: class " + cls + " number " + number);
        }
        return new ErrorCode(cls * 100 + number, utf8(b, off + 4, len - 4));
    }

    private static UnknownAttributes decodeUnknownAttributes(byte[] b, int off, int len) throws StunParseException {
        if (len % 2 != 0) {
            throw new StunParseException("UNKNOWN-ATTRIBUTES length is odd: " + len);
        }
        List<Integer> types = new ArrayList<>(len / 2);
        for (int i = 0; i < len; i += 2) {
            types.add(Bytes.uint16(b, off + i));
        }
        return new UnknownAttributes(types);
    }

    private static void expectLength(int type, int actual, int expected) throws StunParseException {
        if (actual != expected) {
            throw new StunParseException(
                    "attribute 0x" + Integer.toHexString(type) + " has length " + actual + ", expected " + expected);
        }
    }

    /** Malformed UTF-8 becomes U+FFFD rather than an exception: a bad name must not crash the parser. */
    private static String utf8(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.UTF_8);
    }

    private static byte[] int32(int v) {
        byte[] out = new byte[4];
        Bytes.putInt32(out, 0, v);
        return out;
    }

    private static byte[] int64(long v) {
        byte[] out = new byte[8];
        Bytes.putInt32(out, 0, (int) (v >>> 32));
        Bytes.putInt32(out, 4, (int) v);
        return out;
    }
}
