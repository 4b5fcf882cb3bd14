package dev.hongyan.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodecDescriptorTest {
    private static boolean vp8Key(String hex) {
        byte[] b = Hex.of(hex);
        return Vp8Descriptor.isKeyframe(b, 0, b.length);
    }

    @Test
    void vp8KeyframeNeedsStartPartitionZeroAndPBitClear() {
        // RFC 7741 §4.2: X=0 S=1 PID=0; first VP8 payload byte with P (bit 0) = 0.
        assertThat(vp8Key("10 50 9d012a")).isTrue();
        assertThat(vp8Key("10 51 9d012a")).as("P=1: interframe").isFalse();
        assertThat(vp8Key("00 50 9d012a")).as("not the start").isFalse();
        assertThat(vp8Key("11 50 9d012a")).as("partition 1").isFalse();
        assertThat(vp8Key("10")).as("no payload header").isFalse();
    }

    @Test
    void vp8ExtendedFieldsAreParsed() {
        // X=1 S=1; I L T K all present; 15-bit picture id 0x1234; TL0PICIDX 5; TID 2, Y=1, KEYIDX 3.
        byte[] b = Hex.of("90 f0 9234 05 a3 10");
        Vp8Descriptor d = Vp8Descriptor.parse(b, 0, b.length);
        assertThat(d.pictureId()).isEqualTo(0x1234);
        assertThat(d.tl0PicIdx()).isEqualTo(5);
        assertThat(d.temporalLayerId()).isEqualTo(2);
        assertThat(d.layerSync()).isTrue();
        assertThat(d.keyIndex()).isEqualTo(3);
        assertThat(d.headerLength()).isEqualTo(6);
        assertThat(d.keyframe()).isTrue();

        byte[] shortId = Hex.of("90 80 7f 01");
        Vp8Descriptor s = Vp8Descriptor.parse(shortId, 0, shortId.length);
        assertThat(s.pictureId()).isEqualTo(0x7f);
        assertThat(s.temporalLayerId()).isEqualTo(-1);
        assertThat(s.keyframe()).isFalse();
    }

    @Test
    void oneReusedVp8DescriptorGivesFieldOffsetsAndForgetsThePreviousPacket() {
        Vp8PayloadDescriptor d = new Vp8PayloadDescriptor();
        byte[] wide = Hex.of("90 f0 9234 05 a3 10");
        assertThat(d.parse(wide, 0, wide.length)).isTrue();
        assertThat(d.valid()).isTrue();
        assertThat(d.pictureIdAt()).isEqualTo(2);
        assertThat(d.widePictureId()).isTrue();
        assertThat(d.tl0PicIdxAt()).isEqualTo(4);

        byte[] narrow = Hex.of("90 80 7f 01");
        assertThat(d.parse(narrow, 0, narrow.length)).isTrue();
        assertThat(d.pictureIdAt()).isEqualTo(2);
        assertThat(d.widePictureId()).isFalse();
        assertThat(d.tl0PicIdxAt()).as("absent in this packet").isEqualTo(-1);
        assertThat(d.tl0PicIdx()).isEqualTo(-1);
        assertThat(d.temporalLayerId()).isEqualTo(-1);

        byte[] truncated = Hex.of("90 80 92");
        assertThat(d.parse(truncated, 0, truncated.length)).isFalse();
        assertThat(d.valid()).isFalse();
        assertThat(d.keyframe()).isFalse();
        assertThat(d.temporalLayerId()).isEqualTo(-1);

        // Cut after a whole PictureID, inside TL0PICIDX: nothing read before the cut is left to rewrite.
        byte[] cutAfterPictureId = Hex.of("90 c0 12");
        assertThat(d.parse(cutAfterPictureId, 0, cutAfterPictureId.length)).isFalse();
        assertThat(d.pictureIdAt()).isEqualTo(-1);
        assertThat(d.pictureId()).isEqualTo(-1);
    }

    @Test
    void vp8TruncatedDescriptorsAreNull() {
        for (String hex : new String[] {"", "90", "90 80", "90 80 92", "90 40", "90 20"}) {
            byte[] b = Hex.of(hex);
            assertThat(Vp8Descriptor.parse(b, 0, b.length)).as(hex).isNull();
        }
    }

    @Test
    void vp9NonFlexibleWithLayersAndScalabilityStructure() {
        // I=1 P=0 L=1 F=0 B=1 E=0 V=1 Z=0 = 0xaa; picture id 0x0102 (M=1); TID 0 U0 SID 0 D0; TL0PICIDX 7;
        // SS: N_S=0 Y=1 G=0 then 640x480.
        byte[] b = Hex.of("aa 8102 00 07 10 0280 01e0 ff");
        Vp9Descriptor d = Vp9Descriptor.parse(b, 0, b.length);
        assertThat(d.pictureId()).isEqualTo(0x0102);
        assertThat(d.temporalLayerId()).isZero();
        assertThat(d.spatialLayerId()).isZero();
        assertThat(d.tl0PicIdx()).isEqualTo(7);
        assertThat(d.scalabilityStructurePresent()).isTrue();
        assertThat(d.headerLength()).isEqualTo(10);
        assertThat(d.keyframe()).isTrue();
    }

    @Test
    void vp9FlexibleInterPictureOnUpperLayer() {
        // I=1 P=1 L=1 F=1 B=1 E=1 = 0xfc; picture id 5; TID 2 U1 SID 1 D1 = 0x53; two P_DIFF bytes.
        byte[] b = Hex.of("fc 05 53 03 04 aa");
        Vp9Descriptor d = Vp9Descriptor.parse(b, 0, b.length);
        assertThat(d.interPredicted()).isTrue();
        assertThat(d.temporalLayerId()).isEqualTo(2);
        assertThat(d.switchingUp()).isTrue();
        assertThat(d.spatialLayerId()).isEqualTo(1);
        assertThat(d.interLayerDependency()).isTrue();
        assertThat(d.tl0PicIdx()).isEqualTo(-1);
        assertThat(d.headerLength()).isEqualTo(5);
        assertThat(d.keyframe()).isFalse();
        assertThat(d.endOfFrame()).isTrue();
    }

    @Test
    void vp9KeyframeOnlyOnBaseSpatialLayer() {
        byte[] base = Hex.of("28 00 07");   // L=1 B=1, SID 0
        byte[] upper = Hex.of("28 02 07");  // SID 1
        byte[] middle = Hex.of("20 00 07"); // B=0
        assertThat(Vp9Descriptor.isKeyframe(base, 0, base.length)).isTrue();
        assertThat(Vp9Descriptor.isKeyframe(upper, 0, upper.length)).isFalse();
        assertThat(Vp9Descriptor.isKeyframe(middle, 0, middle.length)).isFalse();
        byte[] truncated = Hex.of("fc 05 53 03");
        assertThat(Vp9Descriptor.parse(truncated, 0, truncated.length)).isNull();
    }

    private static boolean h264Key(String hex) {
        byte[] b = Hex.of(hex);
        return H264.isKeyframe(b, 0, b.length);
    }

    @Test
    void h264KeyframesInEveryPacketization() {
        assertThat(h264Key("65 8880")).as("single IDR").isTrue();
        assertThat(h264Key("67 42c01f")).as("single SPS").isTrue();
        assertThat(h264Key("41 9a00")).as("non-IDR slice").isFalse();
        assertThat(h264Key("18 0002 0910 0004 6742c01f")).as("STAP-A with SPS").isTrue();
        assertThat(h264Key("18 0002 0910 0002 4100")).as("STAP-A without").isFalse();
        assertThat(h264Key("18 0009 0910")).as("STAP-A size past end").isFalse();
        assertThat(h264Key("7c 85 8880")).as("FU-A start of IDR").isTrue();
        assertThat(h264Key("7c 05 8880")).as("FU-A middle of IDR").isFalse();
        assertThat(h264Key("7c 81 8880")).as("FU-A start of non-IDR").isFalse();
        assertThat(h264Key("")).isFalse();
    }
}
