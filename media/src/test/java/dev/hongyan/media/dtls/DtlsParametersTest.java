package dev.hongyan.media.dtls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DtlsParametersTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void serializesInMediasoupShape() throws Exception {
        DtlsParameters parameters = new DtlsParameters(DtlsRole.AUTO,
                List.of(new DtlsFingerprint("sha-256", "AB:CD")));

        JsonNode tree = json.readTree(json.writeValueAsString(parameters));

        assertThat(tree.get("role").asText()).isEqualTo("auto");
        assertThat(tree.get("fingerprints").get(0).get("algorithm").asText()).isEqualTo("sha-256");
        assertThat(tree.get("fingerprints").get(0).get("value").asText()).isEqualTo("AB:CD");
        assertThat(tree.size()).isEqualTo(2);
    }

    @Test
    void parsesWhatMediasoupClientSends() throws Exception {
        String sent = "{\"role\":\"client\",\"fingerprints\":[{\"algorithm\":\"sha-256\",\"value\":\"01:02\"}]}";

        DtlsParameters parameters = json.readValue(sent, DtlsParameters.class);

        assertThat(parameters.role()).isEqualTo(DtlsRole.CLIENT);
        assertThat(parameters.fingerprints()).containsExactly(new DtlsFingerprint("sha-256", "01:02"));
    }

    @Test
    void localRoleIsTheOppositeAndClientForAuto() {
        assertThat(DtlsRole.localRoleFor(DtlsRole.CLIENT)).isEqualTo(DtlsRole.SERVER);
        assertThat(DtlsRole.localRoleFor(DtlsRole.SERVER)).isEqualTo(DtlsRole.CLIENT);
        assertThat(DtlsRole.localRoleFor(DtlsRole.AUTO)).isEqualTo(DtlsRole.CLIENT);
        assertThatThrownBy(() -> DtlsRole.fromWireName("actpass")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingRoleMeansAuto() {
        assertThat(new DtlsParameters(null, List.of()).role()).isEqualTo(DtlsRole.AUTO);
    }
}
