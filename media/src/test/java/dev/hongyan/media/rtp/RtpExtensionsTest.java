package dev.hongyan.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RtpExtensionsTest {
    private static RtpPacket empty() {
        byte[] buf = new byte[200];
        buf[0] = (byte) 0x80;
        buf[1] = 96;
        return RtpPacket.parse(buf, 0, 16);
    }

    @Test
    void sdesStringsRoundTripAndIgnoreTrailingNul() {
        RtpPacket p = empty();
        RtpExtensions.setText(p, 1, "0");
        RtpExtensions.setText(p, 2, "hi");
        RtpExtensions.setText(p, 3, "lo");
        assertThat(RtpExtensions.mid(p, 1)).isEqualTo("0");
        assertThat(RtpExtensions.rid(p, 2)).isEqualTo("hi");
        assertThat(RtpExtensions.repairedRid(p, 3)).isEqualTo("lo");
        p.setExtension(1, new byte[] {'a', 'b', 0, 0});
        assertThat(RtpExtensions.mid(p, 1)).isEqualTo("ab");
        assertThat(RtpExtensions.mid(p, 9)).isNull();
    }

    @Test
    void sdesStringsAreComparedInPlaceAsTextWouldCompareThem() {
        RtpPacket p = empty();
        RtpExtensions.setText(p, 1, "0");
        RtpExtensions.setText(p, 2, "high");
        assertThat(RtpExtensions.textEquals(p, 1, RtpExtensions.asciiOrNull("0"))).isTrue();
        assertThat(RtpExtensions.textEquals(p, 1, RtpExtensions.asciiOrNull("01"))).isFalse();
        assertThat(RtpExtensions.textEquals(p, 2, RtpExtensions.asciiOrNull("hig"))).isFalse();
        assertThat(RtpExtensions.textEquals(p, 2, RtpExtensions.asciiOrNull("high"))).isTrue();
        assertThat(RtpExtensions.textEquals(p, 9, RtpExtensions.asciiOrNull("0"))).as("absent").isFalse();
        assertThat(RtpExtensions.textEquals(p, 1, null)).as("nothing to match").isFalse();
        p.setExtension(1, new byte[] {'a', 'b', 0, 0});
        assertThat(RtpExtensions.textEquals(p, 1, RtpExtensions.asciiOrNull("ab"))).as("trailing NULs").isTrue();
        p.setExtension(1, new byte[] {0});
        assertThat(RtpExtensions.textEquals(p, 1, RtpExtensions.asciiOrNull(""))).as("only NULs").isTrue();
        assertThat(RtpExtensions.asciiOrNull("vidéo")).as("never decoded from a packet").isNull();
        assertThat(RtpExtensions.asciiOrNull(null)).isNull();
    }

    @Test
    void absSendTimeIs24BitsOfSixPointEighteenSeconds() {
        RtpPacket p = empty();
        RtpExtensions.setAbsSendTime(p, 3, 0xabcdef);
        assertThat(RtpExtensions.absSendTime(p, 3)).isEqualTo(0xabcdef);
        assertThat(Hex.of(p.buffer(), p.extensionOffset(3), 3)).isEqualTo("abcdef");
        assertThat(RtpExtensions.absSendTimeOf(1_500_000_000L)).isEqualTo((1 << 18) | (1 << 17));
        assertThat(RtpExtensions.absSendTimeOf(64_000_000_000L)).isZero(); // wraps every 64 s
    }

    @Test
    void transportWideSequenceIs16Bits() {
        RtpPacket p = empty();
        RtpExtensions.setTransportWideSequence(p, 5, 0xfffe);
        int length = p.length();
        assertThat(RtpExtensions.transportWideSequence(p, 5)).isEqualTo(0xfffe);
        RtpExtensions.setTransportWideSequence(p, 5, 1);
        assertThat(p.length()).as("rewritten in place").isEqualTo(length);
        assertThat(RtpExtensions.transportWideSequence(p, 5)).isEqualTo(1);
    }

    @Test
    void audioLevelCarriesTheVoiceBitAndLevel() {
        RtpPacket p = empty();
        RtpExtensions.setAudioLevel(p, 1, new AudioLevel(true, 30));
        assertThat(p.buffer()[p.extensionOffset(1)]).isEqualTo((byte) 0x9e);
        assertThat(RtpExtensions.audioLevel(p, 1)).isEqualTo(new AudioLevel(true, 30));
        p.buffer()[p.extensionOffset(1)] = 0x7f;
        assertThat(RtpExtensions.audioLevel(p, 1)).isEqualTo(new AudioLevel(false, 127));
        assertThatThrownBy(() -> new AudioLevel(false, 128)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void videoOrientationCarriesCameraFlipAndRotation() {
        RtpPacket p = empty();
        RtpExtensions.setVideoOrientation(p, 4, new VideoOrientation(true, false, 3));
        assertThat(p.buffer()[p.extensionOffset(4)]).isEqualTo((byte) 0x0b);
        VideoOrientation o = RtpExtensions.videoOrientation(p, 4);
        assertThat(o).isEqualTo(new VideoOrientation(true, false, 3));
        assertThat(o.rotationDegrees()).isEqualTo(270);
        p.buffer()[p.extensionOffset(4)] = 0x05;
        assertThat(RtpExtensions.videoOrientation(p, 4)).isEqualTo(new VideoOrientation(false, true, 1));
    }

    @Test
    void wrongSizesReadAsAbsent() {
        RtpPacket p = empty();
        p.setExtension(3, new byte[] {1, 2});
        assertThat(RtpExtensions.absSendTime(p, 3)).isEqualTo(-1);
        assertThat(RtpExtensions.transportWideSequence(p, 4)).isEqualTo(-1);
        assertThat(RtpExtensions.audioLevel(p, 9)).isNull();
    }
}
