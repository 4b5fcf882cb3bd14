package dev.hongyan.media.rtp;

/**
 * A view over one RTP packet (RFC 3550 §5.1) in a caller's buffer. Nothing is copied: getters
 * read the bytes, setters write them, so an SFU can rewrite SSRC, payload type, sequence number,
 * timestamp and marker in place before forwarding.
 *
 * <p>A view is reusable: {@link #wrap} re-points it at another packet, so the receive path needs
 * no allocation. Header extensions (RFC 8285) are found by id in either the one-byte (0xBEDE) or
 * the two-byte (0x100X) form.
 */
public final class RtpPacket {
    public static final int FIXED_HEADER_LENGTH = 12;
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    public static final int TWO_BYTE_PROFILE = 0x1000;

    private static final int NOT_FOUND = -1;

    private byte[] buf;
    private int off;
    private int len;
    private int headerLength;
    private int extensionStart;
    private int extensionEnd;
    private int paddingLength;

    /** Points this view at a packet; false (and the view unusable) if the packet is malformed. */
    public boolean wrap(byte[] buffer, int offset, int length) {
        this.buf = null;
        if (buffer == null || offset < 0 || length < FIXED_HEADER_LENGTH || offset > buffer.length - length
                || (buffer[offset] & 0xC0) != 0x80) {
            return false;
        }
        int header = FIXED_HEADER_LENGTH + 4 * (buffer[offset] & 0x0F);
        int extStart = 0;
        int extEnd = 0;
        if ((buffer[offset] & 0x10) != 0) {
            if (header + 4 > length) {
                return false;
            }
            extStart = header + 4;
            extEnd = extStart + 4 * Bytes.u16(buffer, offset + header + 2);
            header = extEnd;
        }
        if (header > length) {
            return false;
        }
        int padding = 0;
        if ((buffer[offset] & 0x20) != 0) {
            padding = buffer[offset + length - 1] & 0xFF;
            if (padding == 0 || header + padding > length) {
                return false;
            }
        }
        this.buf = buffer;
        this.off = offset;
        this.len = length;
        this.headerLength = header;
        this.extensionStart = extStart;
        this.extensionEnd = extEnd;
        this.paddingLength = padding;
        return true;
    }

    /** A new view over the packet, or null when it is not a well-formed RTP packet. */
    public static RtpPacket parse(byte[] buffer, int offset, int length) {
        RtpPacket p = new RtpPacket();
        return p.wrap(buffer, offset, length) ? p : null;
    }

    public byte[] buffer() {
        return buf;
    }

    public int offset() {
        return off;
    }

    public int length() {
        return len;
    }

    public int version() {
        return (buf[off] & 0xFF) >>> 6;
    }

    public boolean hasPadding() {
        return (buf[off] & 0x20) != 0;
    }

    public boolean hasExtension() {
        return (buf[off] & 0x10) != 0;
    }

    public int csrcCount() {
        return buf[off] & 0x0F;
    }

    public boolean marker() {
        return (buf[off + 1] & 0x80) != 0;
    }

    public int payloadType() {
        return buf[off + 1] & 0x7F;
    }

    public int sequenceNumber() {
        return Bytes.u16(buf, off + 2);
    }

    /** The raw 32-bit timestamp; use {@link Integer#toUnsignedLong} for its unsigned value. */
    public int timestamp() {
        return Bytes.i32(buf, off + 4);
    }

    /** The raw 32-bit SSRC. */
    public int ssrc() {
        return Bytes.i32(buf, off + 8);
    }

    public int csrc(int index) {
        if (index < 0 || index >= csrcCount()) {
            throw new IndexOutOfBoundsException(index);
        }
        return Bytes.i32(buf, off + FIXED_HEADER_LENGTH + 4 * index);
    }

    public int headerLength() {
        return headerLength;
    }

    /** Absolute offset of the payload in {@link #buffer()}. */
    public int payloadOffset() {
        return off + headerLength;
    }

    /** Payload length without padding. */
    public int payloadLength() {
        return len - headerLength - paddingLength;
    }

    public int paddingLength() {
        return paddingLength;
    }

    /** The extension profile (0xBEDE, 0x100X or another), or -1 when there is no extension. */
    public int extensionProfile() {
        return hasExtension() ? Bytes.u16(buf, off + extensionStart - 4) : NOT_FOUND;
    }

    public void setMarker(boolean marker) {
        buf[off + 1] = (byte) (marker ? buf[off + 1] | 0x80 : buf[off + 1] & 0x7F);
    }

    public void setPayloadType(int payloadType) {
        buf[off + 1] = (byte) ((buf[off + 1] & 0x80) | (payloadType & 0x7F));
    }

    public void setSequenceNumber(int sequenceNumber) {
        Bytes.put16(buf, off + 2, sequenceNumber);
    }

    public void setTimestamp(int timestamp) {
        Bytes.put32(buf, off + 4, timestamp);
    }

    public void setSsrc(int ssrc) {
        Bytes.put32(buf, off + 8, ssrc);
    }

    /** Absolute offset of extension {@code id}'s value, or -1 when absent. */
    public int extensionOffset(int id) {
        long found = find(id);
        return found < 0 ? NOT_FOUND : (int) (found >>> 32);
    }

    /**
     * Absolute offset of extension {@code id}'s first value byte, or -1 when absent or empty (a
     * two-byte-form element may have length 0, and its offset then names the byte after it).
     */
    public int extensionByteOffset(int id) {
        long found = find(id);
        return found < 0 || (int) found < 1 ? NOT_FOUND : (int) (found >>> 32);
    }

    /** Length of extension {@code id}'s value, or -1 when absent (0 is a valid two-byte length). */
    public int extensionLength(int id) {
        long found = find(id);
        return found < 0 ? NOT_FOUND : (int) found;
    }

    /** A copy of extension {@code id}'s value, or null when absent. */
    public byte[] extension(int id) {
        long found = find(id);
        if (found < 0) {
            return null;
        }
        byte[] value = new byte[(int) found];
        System.arraycopy(buf, (int) (found >>> 32), value, 0, value.length);
        return value;
    }

    /**
     * Sets extension {@code id} to {@code value}. An element of the same length is overwritten in
     * place (the common case: abs-send-time or transport-cc rewritten per packet). Otherwise the
     * extension block is rebuilt and the payload moved, which needs room in the buffer; the
     * two-byte form is used when an id or length does not fit the one-byte form.
     *
     * @return the new packet length, or -1 when the buffer is too small, the id or length is out of
     *     range, or the packet carries an extension profile that is not RFC 8285's
     */
    public int setExtension(int id, byte[] value) {
        if (id < 1 || id > 255 || value.length > 255) {
            return NOT_FOUND;
        }
        long found = find(id);
        if (found >= 0 && (int) found == value.length) {
            System.arraycopy(value, 0, buf, (int) (found >>> 32), value.length);
            return len;
        }
        return rebuildExtensions(id, value);
    }

    /** Removes extension {@code id}; returns the new length, or -1 if the extension profile is foreign. */
    public int removeExtension(int id) {
        return find(id) < 0 ? len : rebuildExtensions(id, null);
    }

    /** Packs (absolute offset << 32 | length), or -1. Walks RFC 8285 elements, tolerating padding bytes. */
    private long find(int id) {
        if (!hasExtension() || id <= 0) {
            return NOT_FOUND;
        }
        int profile = extensionProfile();
        boolean oneByte = profile == ONE_BYTE_PROFILE;
        if (!oneByte && (profile & 0xFFF0) != TWO_BYTE_PROFILE) {
            return NOT_FOUND;
        }
        int i = off + extensionStart;
        int end = off + extensionEnd;
        while (i < end) {
            int b = buf[i] & 0xFF;
            if (b == 0) {
                i++;
                continue;
            }
            int elementId;
            int length;
            int value;
            if (oneByte) {
                elementId = b >>> 4;
                if (elementId == 15) {
                    return NOT_FOUND;
                }
                length = (b & 0x0F) + 1;
                value = i + 1;
            } else {
                if (i + 2 > end) {
                    return NOT_FOUND;
                }
                elementId = b;
                length = buf[i + 1] & 0xFF;
                value = i + 2;
            }
            if (value + length > end) {
                return NOT_FOUND;
            }
            if (elementId == id) {
                return ((long) value << 32) | length;
            }
            i = value + length;
        }
        return NOT_FOUND;
    }

    private int rebuildExtensions(int id, byte[] value) {
        int profile = extensionProfile();
        if (profile >= 0 && profile != ONE_BYTE_PROFILE && (profile & 0xFFF0) != TWO_BYTE_PROFILE) {
            return NOT_FOUND;
        }
        // Gather the elements we keep; a packet carries only a handful.
        int[] ids = new int[64];
        byte[][] values = new byte[64][];
        int count = 0;
        boolean oneByte = profile == ONE_BYTE_PROFILE;
        int i = off + extensionStart;
        int end = hasExtension() ? off + extensionEnd : i;
        while (i < end && count < ids.length - 1) {
            int b = buf[i] & 0xFF;
            if (b == 0) {
                i++;
                continue;
            }
            int elementId = oneByte ? b >>> 4 : b;
            if (oneByte && elementId == 15 || !oneByte && i + 2 > end) {
                break;
            }
            int length = oneByte ? (b & 0x0F) + 1 : buf[i + 1] & 0xFF;
            int at = oneByte ? i + 1 : i + 2;
            if (at + length > end) {
                break;
            }
            if (elementId != id) {
                ids[count] = elementId;
                values[count++] = java.util.Arrays.copyOfRange(buf, at, at + length);
            }
            i = at + length;
        }
        if (value != null) {
            ids[count] = id;
            values[count++] = value;
        }
        boolean twoByte = !oneByte && profile >= 0;
        for (int k = 0; k < count; k++) {
            twoByte |= ids[k] > 14 || values[k].length == 0 || values[k].length > 16;
        }
        int dataLength = 0;
        for (int k = 0; k < count; k++) {
            dataLength += (twoByte ? 2 : 1) + values[k].length;
        }
        dataLength = (dataLength + 3) & ~3;
        int fixed = FIXED_HEADER_LENGTH + 4 * csrcCount();
        int newHeader = count == 0 ? fixed : fixed + 4 + dataLength;
        int body = len - headerLength;
        int newLength = newHeader + body;
        if (off + newLength > buf.length) {
            return NOT_FOUND;
        }
        System.arraycopy(buf, off + headerLength, buf, off + newHeader, body);
        if (count == 0) {
            buf[off] &= (byte) ~0x10;
        } else {
            buf[off] |= 0x10;
            Bytes.put16(buf, off + fixed, twoByte ? TWO_BYTE_PROFILE : ONE_BYTE_PROFILE);
            Bytes.put16(buf, off + fixed + 2, dataLength / 4);
            int w = off + fixed + 4;
            for (int k = 0; k < count; k++) {
                if (twoByte) {
                    buf[w++] = (byte) ids[k];
                    buf[w++] = (byte) values[k].length;
                } else {
                    buf[w++] = (byte) ((ids[k] << 4) | (values[k].length - 1));
                }
                System.arraycopy(values[k], 0, buf, w, values[k].length);
                w += values[k].length;
            }
            while (w < off + newHeader) {
                buf[w++] = 0;
            }
        }
        wrap(buf, off, newLength);
        return newLength;
    }
}
