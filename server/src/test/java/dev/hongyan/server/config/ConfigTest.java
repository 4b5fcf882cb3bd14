package dev.hongyan.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hongyan.server.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @Test
    void defaultsBindIntoSettings() {
        ServerSettings settings = ServerSettings.from(Config.defaults());
        assertThat(settings.http().host()).isEqualTo("0.0.0.0");
        assertThat(settings.http().port()).isEqualTo(8888);
        assertThat(settings.http().tls().enabled()).isFalse();
        assertThat(settings.http().maxBodyBytes()).isEqualTo(1048576);
        assertThat(settings.limits().maxFrameBytes()).isEqualTo(65536);
        assertThat(settings.limits().messagesPerSecond()).isEqualTo(100);
        assertThat(settings.limits().messageBurst()).isEqualTo(200);
        assertThat(settings.limits().maxConnections()).isEqualTo(18000);
        assertThat(settings.shutdown().graceMillis()).isEqualTo(2000);
        assertThat(Config.defaults().getString("accounts")).isEmpty();
    }

    @Test
    void fileIsDeepMergedOverDefaults() {
        Config config = Config.fromYaml("""
                http:
                  port: 9000
                  tls:
                    enabled: true
                    keyStorePassword: 123456
                accounts: "alice:secret:admin"
                """, Map.of());
        assertThat(config.getInt("http.port")).isEqualTo(9000);
        assertThat(config.getString("http.host")).isEqualTo("0.0.0.0");
        assertThat(config.getBoolean("http.tls.enabled")).isTrue();
        assertThat(config.getString("http.tls.certificateChain")).isEmpty();
        assertThat(config.getString("http.tls.keyStorePassword")).isEqualTo("123456");
        assertThat(config.getInt("limits.maxFrameBytes")).isEqualTo(65536);
        assertThat(config.getString("accounts")).isEqualTo("alice:secret:admin");
    }

    @Test
    void unknownKeyInFileIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> Config.fromYaml("http:\n  tls:\n    enabeld: true\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown config key 'http.tls.enabeld'");
        assertThatThrownBy(() -> Config.fromYaml("nosuchsection: 1\n", Map.of()))
                .hasMessageContaining("'nosuchsection'");
    }

    @Test
    void wrongTypeInFileIsAnError() {
        assertThatThrownBy(() -> Config.fromYaml("http:\n  port: eighty\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'http.port'").hasMessageContaining("integer");
        assertThatThrownBy(() -> Config.fromYaml("http:\n  trustProxyHeaders: 1\n", Map.of()))
                .hasMessageContaining("'http.trustProxyHeaders'").hasMessageContaining("true or false");
        assertThatThrownBy(() -> Config.fromYaml("limits: 5\n", Map.of()))
                .hasMessageContaining("'limits'").hasMessageContaining("map");
        assertThatThrownBy(() -> Config.fromYaml("http: [\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void outOfRangeValueFailsWhenBound() {
        Config config = Config.fromYaml("http:\n  port: 70000\n", Map.of());
        assertThatThrownBy(() -> ServerSettings.from(config))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http.port");
    }

    @Test
    void environmentOverridesFileAndDefaults() {
        Config config = Config.fromYaml("http:\n  port: 9000\n", Map.of(
                "HONGYAN_HTTP_PORT", "7000",
                "HONGYAN_LIMITS_MAX_FRAME_BYTES", "1000",
                "HONGYAN_HTTP_TLS_ENABLED", "TRUE",
                "HONGYAN_HTTP_TLS_KEY_STORE_PASSWORD", " spaced ",
                "HONGYAN_SHUTDOWN_GRACE_MILLIS", "5000000000",
                "HONGYAN_ACCOUNTS", "a:b:admin,c:d:user",
                "HONGYAN_NOT_A_KEY", "ignored with a warning",
                "PATH", "/usr/bin"));
        assertThat(config.getInt("http.port")).isEqualTo(7000);
        assertThat(config.getInt("limits.maxFrameBytes")).isEqualTo(1000);
        assertThat(config.getBoolean("http.tls.enabled")).isTrue();
        assertThat(config.getString("http.tls.keyStorePassword")).isEqualTo(" spaced ");
        assertThat(config.getLong("shutdown.graceMillis")).isEqualTo(5_000_000_000L);
        assertThat(config.getString("accounts")).isEqualTo("a:b:admin,c:d:user");
    }

    @Test
    void environmentValueOfWrongTypeNamesTheVariable() {
        assertThatThrownBy(() -> Config.fromYaml("", Map.of("HONGYAN_HTTP_PORT", "80a")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("HONGYAN_HTTP_PORT").hasMessageContaining("http.port")
                .hasMessageContaining("integer");
        assertThatThrownBy(() -> Config.fromYaml("", Map.of("HONGYAN_HTTP_TRUST_PROXY_HEADERS", "yes")))
                .hasMessageContaining("HONGYAN_HTTP_TRUST_PROXY_HEADERS").hasMessageContaining("true or false");
    }

    @Test
    void envNamesComeFromCamelCaseKeys() {
        assertThat(Config.envName("http.port")).isEqualTo("HONGYAN_HTTP_PORT");
        assertThat(Config.envName("limits.maxFrameBytes")).isEqualTo("HONGYAN_LIMITS_MAX_FRAME_BYTES");
        assertThat(Config.envName("accounts")).isEqualTo("HONGYAN_ACCOUNTS");
        assertThat(Config.envName("http.tls.keyStorePassword")).isEqualTo("HONGYAN_HTTP_TLS_KEY_STORE_PASSWORD");
        assertThat(EnvNames.upperSnake("rtpURLPath")).isEqualTo("RTP_URL_PATH");
        assertThat(EnvNames.upperSnake("ipv4Address")).isEqualTo("IPV4_ADDRESS");
    }

    @Test
    void listsAndDoublesFromEnvironmentAndFreeFormMaps() throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        ObjectNode defaults = (ObjectNode) yaml.readTree("""
                media: {ports: [40000], names: [], ratio: 0.5}
                scripts: {}
                """);
        ObjectNode tree = defaults.deepCopy();
        ConfigTree.mergeFile(tree, yaml.readTree("scripts: {restart: \"systemctl restart x\"}\n"), "test");
        ConfigTree.applyEnv(tree, defaults, Map.of(
                "HONGYAN_MEDIA_PORTS", "1, 2,3",
                "HONGYAN_MEDIA_NAMES", "a,b",
                "HONGYAN_MEDIA_RATIO", "0.75"));
        assertThat(tree.at("/media/ports").toString()).isEqualTo("[1,2,3]");
        assertThat(tree.at("/media/names").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(tree.at("/media/ratio").doubleValue()).isEqualTo(0.75);
        assertThat(tree.at("/scripts/restart").asText()).isEqualTo("systemctl restart x");
        assertThatThrownBy(() -> ConfigTree.applyEnv(tree, defaults, Map.of("HONGYAN_MEDIA_PORTS", "1,x")))
                .hasMessageContaining("HONGYAN_MEDIA_PORTS");
    }

    @Test
    void clashingEnvNamesAreRefused() throws Exception {
        ObjectNode defaults = (ObjectNode) new YAMLMapper().readTree("a: {bC: 1}\na_b: {c: 2}\n");
        assertThatThrownBy(() -> ConfigTree.envNames(defaults)).hasMessageContaining("HONGYAN_A_B_C");
    }

    @Test
    void configFileFromArgumentOrEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hongyan.yml");
        Files.writeString(file, "http:\n  port: 1234\n");
        assertThat(Config.load(new String[] {"--config", file.toString()}, Map.of()).getInt("http.port")).isEqualTo(1234);
        assertThat(Config.load(new String[] {"--config=" + file}, Map.of()).getInt("http.port")).isEqualTo(1234);
        assertThat(Config.load(new String[0], Map.of("HONGYAN_CONFIG", file.toString())).getInt("http.port"))
                .isEqualTo(1234);
        assertThat(Config.load(new String[0], Map.of()).getInt("http.port")).isEqualTo(8888);
        assertThatThrownBy(() -> Config.load(new String[] {"--config", dir.resolve("missing.yml").toString()}, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("missing.yml");
    }

    @Test
    void gettersRefuseUnknownKeysAndWrongTypes() {
        Config config = Config.defaults();
        assertThatThrownBy(() -> config.getInt("http.nope")).hasMessageContaining("http.nope");
        assertThatThrownBy(() -> config.getInt("http.host")).hasMessageContaining("http.host");
        assertThat(config.has("limits.messageBurst")).isTrue();
        assertThat(config.has("limits.nope")).isFalse();
        assertThatThrownBy(() -> config.getStringList("accounts")).hasMessageContaining("list");
        assertThat(config.bind("http.tls", ServerSettings.Tls.class).keyStore()).isEmpty();
        assertThat(List.of(config.getDouble("limits.messagesPerSecond"))).containsExactly(100.0);
    }
}
