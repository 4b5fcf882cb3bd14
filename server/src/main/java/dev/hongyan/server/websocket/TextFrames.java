package dev.hongyan.server.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;

/**
 * A whole server-to-client text frame (RFC 6455 §5.2: FIN, opcode 1, no mask, then the payload
 * length in 7, 7+16 or 7+64 bits) as bytes. A server frame is not masked, so one text makes the same
 * bytes for every receiver: a fan-out encodes it once and writes the same buffer to each channel,
 * where Netty's encoder would allocate and copy a frame per receiver.
 *
 * <p>Only valid while no WebSocket extension is negotiated (the upgrader refuses them): with
 * permessage-deflate each channel would compress with its own context.
 */
final class TextFrames {

    private static final int FIN_TEXT = 0x81;

    private TextFrames() {}

    /** The frame for {@code text}, a new buffer the caller owns (release it). */
    static ByteBuf encode(ByteBufAllocator alloc, String text) {
        int length = ByteBufUtil.utf8Bytes(text);
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuf frame = alloc.directBuffer(header + length);
        frame.writeByte(FIN_TEXT);
        if (length < 126) {
            frame.writeByte(length);
        } else if (length <= 0xFFFF) {
            frame.writeByte(126);
            frame.writeShort(length);
        } else {
            frame.writeByte(127);
            frame.writeLong(length);
        }
        ByteBufUtil.reserveAndWriteUtf8(frame, text, length);
        return frame;
    }
}
