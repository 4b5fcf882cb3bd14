package dev.hongyan.media.dtls;

import dev.hongyan.media.srtp.SrtpProfile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SrtpKeyMaterialTest {

    @Test
    void splitsExporterOutputAsRfc5764Lays() {
        // CM_80: 16-byte keys, 14-byte salts. Byte i of the block holds i, so offsets are visible.
        byte[] exported = new byte[60];
        for (int i = 0; i < exported.length; i++) {
            exported[i] = (byte) i;
        }

        SrtpKeyMaterial client = SrtpKeyMaterial.fromExporter(SrtpProfile.AES_CM_128_HMAC_SHA1_80, exported, true);
        SrtpKeyMaterial server = SrtpKeyMaterial.fromExporter(SrtpProfile.AES_CM_128_HMAC_SHA1_80, exported, false);

        assertThat(client.localMasterKey()).isEqualTo(range(0, 16));    // client_write_key
        assertThat(client.remoteMasterKey()).isEqualTo(range(16, 32));  // server_write_key
        assertThat(client.localMasterSalt()).isEqualTo(range(32, 46));  // client_write_salt
        assertThat(client.remoteMasterSalt()).isEqualTo(range(46, 60)); // server_write_salt
        assertThat(server.localMasterKey()).isEqualTo(client.remoteMasterKey());
        assertThat(server.localMasterSalt()).isEqualTo(client.remoteMasterSalt());
        assertThat(server.remoteMasterKey()).isEqualTo(client.localMasterKey());
    }

    @Test
    void exporterLengthsFollowTheProfile() {
        assertThat(SrtpKeyMaterial.exporterLength(SrtpProfile.AES_CM_128_HMAC_SHA1_80)).isEqualTo(60);
        assertThat(SrtpKeyMaterial.exporterLength(SrtpProfile.AES_CM_128_HMAC_SHA1_32)).isEqualTo(60);
        assertThat(SrtpKeyMaterial.exporterLength(SrtpProfile.AEAD_AES_128_GCM)).isEqualTo(56);
        assertThat(SrtpKeyMaterial.exporterLength(SrtpProfile.AEAD_AES_256_GCM)).isEqualTo(88);
        assertThatThrownBy(() -> SrtpKeyMaterial.fromExporter(SrtpProfile.AEAD_AES_128_GCM, new byte[60], true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void profileSelectionFollowsOurPreferenceNotTheOfferOrder() {
        int[] offered = {0x0001, 0x0007, 0x0002};
        assertThat(SrtpProfiles.select(DtlsConfig.DEFAULT_SRTP_PROFILES, offered))
                .isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
        assertThat(SrtpProfiles.select(List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_32), offered))
                .isEqualTo(SrtpProfile.AES_CM_128_HMAC_SHA1_32);
        assertThat(SrtpProfiles.select(List.of(SrtpProfile.AEAD_AES_256_GCM), offered)).isNull();
        assertThat(SrtpProfile.fromDtlsId(0x0008)).isEqualTo(SrtpProfile.AEAD_AES_256_GCM);
    }

    @Test
    void toStringHidesKeys() {
        SrtpKeyMaterial keys = SrtpKeyMaterial.fromExporter(SrtpProfile.AEAD_AES_128_GCM, new byte[56], true);
        assertThat(keys.toString()).doesNotContain("[B").contains("redacted");
    }

    private static byte[] range(int from, int to) {
        byte[] bytes = new byte[to - from];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (from + i);
        }
        return bytes;
    }
}
