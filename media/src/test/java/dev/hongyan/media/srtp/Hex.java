package dev.hongyan.media.srtp;

import java.util.HexFormat;

/** Test vectors are printed in the RFCs with spaces and line breaks; this reads them as printed. */
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
