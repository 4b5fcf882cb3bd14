package dev.hongyan.media.stun;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The STUN attributes ICE needs, one record each; anything else is kept as {@link Unknown} so a parsed
 * message re-encodes to the same attributes. Types below 0x8000 are comprehension-required (RFC 8489 §14).
 */
public sealed interface StunAttribute {

    int USERNAME = 0x0006;
    int MESSAGE_INTEGRITY = 0x0008;
    int ERROR_CODE = 0x0009;
    int UNKNOWN_ATTRIBUTES = 0x000A;
    int XOR_MAPPED_ADDRESS = 0x0020;
    int PRIORITY = 0x0024;
    int USE_CANDIDATE = 0x0025;
    int SOFTWARE = 0x8022;
    int FINGERPRINT = 0x8028;
    int ICE_CONTROLLED = 0x8029;
    int ICE_CONTROLLING = 0x802A;

    /** The 16-bit attribute type on the wire. */
    int type();

    static boolean isComprehensionRequired(int type) {
        return type < 0x8000;
    }

    /** "localUfrag:remoteUfrag" in ICE connectivity checks (RFC 8445 §7.2.2). */
    record Username(String value) implements StunAttribute {
        public Username {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public int type() {
            return USERNAME;
        }
    }

    /** The 20-byte HMAC-SHA1 as received; verify it with {@link StunMessage#verifyIntegrity}. */
    record MessageIntegrity(byte[] hmac) implements StunAttribute {
        public MessageIntegrity {
            if (hmac.length != 20) {
                throw new IllegalArgumentException("HMAC-SHA1 is 20 bytes");
            }
            hmac = hmac.clone();
        }

        @Override
        public byte[] hmac() {
            return hmac.clone();
        }

        @Override
        public int type() {
            return MESSAGE_INTEGRITY;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MessageIntegrity m && Arrays.equals(hmac, m.hmac);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hmac);
        }

        @Override
        public String toString() {
            return "MessageIntegrity[" + HexFormat.of().formatHex(hmac) + "]";
        }
    }

    /** CRC-32 of the message before it, xor 0x5354554e, as received. */
    record Fingerprint(int crc) implements StunAttribute {
        @Override
        public int type() {
            return FINGERPRINT;
        }
    }

    /** The reflexive address of the requester, IPv4 or IPv6. */
    record XorMappedAddress(InetSocketAddress address) implements StunAttribute {
        public XorMappedAddress {
            Objects.requireNonNull(address, "address");
            if (address.isUnresolved()) {
                throw new IllegalArgumentException("address must be resolved: " + address);
            }
        }

        @Override
        public int type() {
            return XOR_MAPPED_ADDRESS;
        }
    }

    /** code is class*100+number, 300..699 (RFC 8489 §14.8). */
    record ErrorCode(int code, String reason) implements StunAttribute {
        public static final int BAD_REQUEST = 400;
        public static final int UNAUTHORIZED = 401;
        public static final int UNKNOWN_ATTRIBUTE = 420;
        public static final int ROLE_CONFLICT = 487;
        public static final int SERVER_ERROR = 500;

        public ErrorCode {
            Objects.requireNonNull(reason, "reason");
            if (code < 300 || code > 699) {
                throw new IllegalArgumentException("error code out of range: " + code);
            }
        }

        @Override
        public int type() {
            return ERROR_CODE;
        }
    }

    /** The comprehension-required types a 420 response reports as not understood. */
    record UnknownAttributes(List<Integer> types) implements StunAttribute {
        public UnknownAttributes {
            types = List.copyOf(types);
        }

        @Override
        public int type() {
            return UNKNOWN_ATTRIBUTES;
        }
    }

    /** Priority of the peer-reflexive candidate the check would create (RFC 8445 §7.1.1); unsigned 32 bits. */
    record Priority(long value) implements StunAttribute {
        public Priority {
            if (value < 0 || value > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("priority is an unsigned 32-bit value: " + value);
            }
        }

        @Override
        public int type() {
            return PRIORITY;
        }
    }

    /** The controlling agent nominates the pair this check is sent on. */
    record UseCandidate() implements StunAttribute {
        @Override
        public int type() {
            return USE_CANDIDATE;
        }
    }

    /** The sender believes it is controlled; the 64-bit tie-breaker. */
    record IceControlled(long tieBreaker) implements StunAttribute {
        @Override
        public int type() {
            return ICE_CONTROLLED;
        }
    }

    /** The sender believes it is controlling; the 64-bit tie-breaker. */
    record IceControlling(long tieBreaker) implements StunAttribute {
        @Override
        public int type() {
            return ICE_CONTROLLING;
        }
    }

    record Software(String value) implements StunAttribute {
        public Software {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public int type() {
            return SOFTWARE;
        }
    }

    /** Any attribute this codec does not model, kept verbatim (without padding). */
    record Unknown(int type, byte[] value) implements StunAttribute {
        public Unknown {
            if (type < 0 || type > 0xFFFF) {
                throw new IllegalArgumentException("attribute type is 16 bits: " + type);
            }
            if (value.length > 0xFFFF) {
                throw new IllegalArgumentException("attribute value too long: " + value.length);
            }
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && type == u.type && Arrays.equals(value, u.value);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Unknown[type=0x" + Integer.toHexString(type) + ", value=" + HexFormat.of().formatHex(value) + "]";
        }
    }
}
