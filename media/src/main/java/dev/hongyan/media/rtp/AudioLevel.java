package dev.hongyan.media.rtp;

/**
 * The client-to-mixer audio level of RFC 6464: the V flag (voice activity, when negotiated) and
 * the level in -dBov, 0 (loudest) to 127 (silence).
 */
public record AudioLevel(boolean voiceActivity, int level) {
    public AudioLevel {
        if (level < 0 || level > 127) {
            throw new IllegalArgumentException("audio level is 0..127 -dBov, got " + level);
        }
    }

    byte encode() {
        return (byte) ((voiceActivity ? 0x80 : 0) | level);
    }

    static AudioLevel decode(byte b) {
        return new AudioLevel((b & 0x80) != 0, b & 0x7F);
    }
}
