package dev.hongyan.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hongyan.core.media.MediaRoomSettings;
import dev.hongyan.media.dtls.DtlsConfig;
import dev.hongyan.media.srtp.SrtpProfile;
import dev.hongyan.server.config.Config;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaSettingsTest {

    @Test
    void theEmbeddedDefaultsPreferAesGcmThenTheMandatoryProfile() {
        MediaSettings media = Config.defaults().bind("media", MediaSettings.class);
        assertThat(media.srtpProfilePreference()).isEqualTo(DtlsConfig.DEFAULT_SRTP_PROFILES);
        assertThat(media.engineOptions().dtls().srtpProfiles()).isEqualTo(DtlsConfig.DEFAULT_SRTP_PROFILES);
    }

    @Test
    void anOperatorCanPreferAesCmFromTheEnvironment() {
        Config config = Config.fromYaml("", Map.of("HONGYAN_MEDIA_SRTP_PROFILES", "aes_cm_128_hmac_sha1_80, AEAD_AES_128_GCM"));
        MediaSettings media = config.bind("media", MediaSettings.class);
        assertThat(media.engineOptions().dtls().srtpProfiles())
                .containsExactly(SrtpProfile.AES_CM_128_HMAC_SHA1_80, SrtpProfile.AEAD_AES_128_GCM);
    }

    @Test
    void roomsStartTransportsEstimatesAtMediasoupDemosBitrateUnlessConfigured() {
        MediaRoomSettings defaults = Config.defaults().bind("media", MediaSettings.class).roomSettings();
        assertThat(defaults.initialAvailableOutgoingBitrate()).isEqualTo(1_000_000L);
        assertThat(defaults.transportOptions().initialAvailableOutgoingBitrate()).isEqualTo(1_000_000L);
        assertThat(defaults.maxIncomingBitrate()).isEqualTo(5_000_000L);
        assertThat(defaults.iceConsentTimeout()).isEqualTo(20);
        assertThat(defaults.maxRooms()).isEqualTo(1000);

        Config config = Config.fromYaml("", Map.of("HONGYAN_MEDIA_INITIAL_AVAILABLE_OUTGOING_BITRATE", "2500000"));
        assertThat(config.bind("media", MediaSettings.class).roomSettings().transportOptions()
                .initialAvailableOutgoingBitrate()).isEqualTo(2_500_000L);

        MediaSettings tooLow = Config.fromYaml("", Map.of("HONGYAN_MEDIA_INITIAL_AVAILABLE_OUTGOING_BITRATE", "1000"))
                .bind("media", MediaSettings.class);
        assertThatThrownBy(tooLow::roomSettings).hasMessageStartingWith("media.initialAvailableOutgoingBitrate")
                .hasMessageContaining("30000..100000000").hasMessageContaining("not 1000");
    }

    @Test
    void anUnknownOrRepeatedProfileIsRefusedByName() {
        MediaSettings unknown = settings(List.of("AEAD_AES_128_GCM", "AES_CTR_TYPO"));
        assertThatThrownBy(unknown::engineOptions).hasMessageContaining("media.srtpProfiles")
                .hasMessageContaining("AES_CTR_TYPO").hasMessageContaining("AES_CM_128_HMAC_SHA1_80");
        MediaSettings twice = settings(List.of("AEAD_AES_128_GCM", "aead_aes_128_gcm"));
        assertThatThrownBy(twice::engineOptions).hasMessageContaining("AEAD_AES_128_GCM twice");
    }

    private static MediaSettings settings(List<String> srtpProfiles) {
        return new MediaSettings("127.0.0.1", 0, "", List.of("opus"), srtpProfiles, 5_000_000, 1_000_000, 10, 10, 4, 16);
    }
}
