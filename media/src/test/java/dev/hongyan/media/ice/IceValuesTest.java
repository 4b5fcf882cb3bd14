package dev.hongyan.media.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IceValuesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void generatedParametersAreLongRandomIceChars() {
        SecureRandom random = new SecureRandom();
        Set<String> ufrags = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            IceParameters p = IceParameters.generate(random);
            assertThat(p.usernameFragment()).hasSize(16).matches("[a-z0-9]+");
            assertThat(p.password()).hasSize(32).matches("[a-z0-9]+");
            assertThat(p.iceLite()).isTrue();
            ufrags.add(p.usernameFragment());
        }
        assertThat(ufrags).hasSize(1000);
    }

    @Test
    void parametersRejectWhatCannotBeAnIceCredential() {
        assertThatThrownBy(() -> new IceParameters("ab:c", "0123456789012345678901", true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IceParameters("abcd", "short", true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new IceParameters("aB+/", "0123456789012345678901", false).usernameFragment()).isEqualTo("aB+/");
    }

    @Test
    void parametersSerializeInMediasoupShapeAndHideThePasswordFromToString() throws Exception {
        IceParameters p = new IceParameters("gajtb1cdube6ql76", "1fs2cmda3czbfe4juktrtjqjc1kw8bdk", true);

        JsonNode node = json.readTree(json.writeValueAsString(p));

        assertThat(node.get("usernameFragment").asText()).isEqualTo("gajtb1cdube6ql76");
        assertThat(node.get("password").asText()).isEqualTo("1fs2cmda3czbfe4juktrtjqjc1kw8bdk");
        assertThat(node.get("iceLite").asBoolean()).isTrue();
        assertThat(node.size()).isEqualTo(3);
        assertThat(json.readValue(json.writeValueAsString(p), IceParameters.class)).isEqualTo(p);
        assertThat(p.toString()).doesNotContain(p.password());
    }

    @Test
    void candidateSerializesWithIpAndAddress() throws Exception {
        IceCandidate c = IceCandidate.udpHost("192.168.0.4", 44537, 65535);

        String text = json.writeValueAsString(c);
        JsonNode node = json.readTree(text);

        assertThat(text).isEqualTo("{\"foundation\":\"udpcandidate\",\"priority\":2130706431,\"ip\":\"192.168.0.4\","
                + "\"address\":\"192.168.0.4\",\"protocol\":\"udp\",\"port\":44537,\"type\":\"host\"}");
        assertThat(node.get("port").asInt()).isEqualTo(44537);
        assertThat(json.readValue(text, IceCandidate.class)).isEqualTo(c);
        assertThat(json.readValue("{\"foundation\":\"f\",\"priority\":1,\"address\":\"10.0.0.1\",\"protocol\":\"udp\","
                + "\"port\":1,\"type\":\"host\"}", IceCandidate.class).ip()).isEqualTo("10.0.0.1");
    }

    @Test
    void candidatePriorityFollowsRfc8445() {
        assertThat(IceCandidate.priority(126, 65535, 1)).isEqualTo(2130706431L);
        assertThat(IceCandidate.priority(0, 0, 1)).isEqualTo(255L);
    }

    @Test
    void statesSerializeLowercase() throws Exception {
        assertThat(json.writeValueAsString(IceState.COMPLETED)).isEqualTo("\"completed\"");
        assertThat(IceState.DISCONNECTED.value()).isEqualTo("disconnected");
    }

    @Test
    void packetClassesFollowRfc7983() {
        assertThat(PacketClass.of(0)).isEqualTo(PacketClass.STUN);
        assertThat(PacketClass.of(3)).isEqualTo(PacketClass.STUN);
        assertThat(PacketClass.of(4)).isEqualTo(PacketClass.UNKNOWN);
        assertThat(PacketClass.of(16)).isEqualTo(PacketClass.ZRTP);
        assertThat(PacketClass.of(20)).isEqualTo(PacketClass.DTLS);
        assertThat(PacketClass.of(63)).isEqualTo(PacketClass.DTLS);
        assertThat(PacketClass.of(64)).isEqualTo(PacketClass.TURN_CHANNEL);
        assertThat(PacketClass.of(79)).isEqualTo(PacketClass.TURN_CHANNEL);
        assertThat(PacketClass.of(80)).isEqualTo(PacketClass.UNKNOWN);
        assertThat(PacketClass.of((byte) 0x80)).isEqualTo(PacketClass.RTP_RTCP);
        assertThat(PacketClass.of((byte) 191)).isEqualTo(PacketClass.RTP_RTCP);
        assertThat(PacketClass.of((byte) 192)).isEqualTo(PacketClass.UNKNOWN);
        assertThat(PacketClass.of(new byte[0])).isEqualTo(PacketClass.UNKNOWN);
        assertThat(PacketClass.isRtcp(new byte[] {(byte) 0x80, (byte) 200})).isTrue(); // SR
        assertThat(PacketClass.isRtcp(new byte[] {(byte) 0x80, (byte) 0xE0})).isFalse(); // marker + PT 96
    }
}
