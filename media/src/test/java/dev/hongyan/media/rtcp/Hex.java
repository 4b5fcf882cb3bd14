package dev.hongyan.media.rtcp;

import java.util.HexFormat;

final class Hex {
    private Hex() {
    }

    static byte[] of(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s+", "").toLowerCase());
    }

    static String of(byte[] bytes, int off, int len) {
        return HexFormat.of().formatHex(bytes, off, off + len);
    }
}
