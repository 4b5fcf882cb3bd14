package dev.hongyan.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Garbage from the network is refused with an error code, never an exception. */
class SrtpFuzzTest {
    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void randomBytesAreRefusedQuietly(SrtpProfile profile) {
        SrtpContext ctx = SrtpContext.create(profile,
                new SrtpMasterKey(new byte[profile.keyLength()], new byte[profile.saltLength()]));
        Random random = new Random(3711);
        for (int round = 0; round < 3_000; round++) {
            byte[] buf = new byte[random.nextInt(80)];
            random.nextBytes(buf);
            if (buf.length > 0) {
                buf[0] = (byte) (0x80 | (buf[0] & 0x3F));
            }
            assertThat(ctx.unprotectRtp(buf, 0, buf.length)).isNegative();
            assertThat(ctx.unprotectRtcp(buf, 0, buf.length)).isNegative();
        }
    }
}
