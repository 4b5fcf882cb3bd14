package dev.hongyan.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process configuration: the embedded {@code hongyan.yml} defaults, an optional YAML file merged
 * over them, then {@code HONGYAN_*} environment overrides. Immutable once loaded.
 *
 * <p>Sections are read as records with {@link #bind}; every key a record names exists, because the
 * defaults declare it.
 */
public final class Config {

    /** Names the optional config file when {@code --config} is not given. */
    public static final String CONFIG_ENV = "HONGYAN_CONFIG";

    private static final Logger log = LoggerFactory.getLogger(Config.class);
    private static final String DEFAULTS_RESOURCE = "/hongyan.yml";

    private final ObjectNode root;
    private final ObjectMapper mapper;

    private Config(ObjectNode root, ObjectMapper mapper) {
        this.root = root;
        this.mapper = mapper;
    }

    /**
     * Loads defaults, then the file named by {@code --config <path>} (or {@code --config=<path>}) in
     * {@code args} or by {@code HONGYAN_CONFIG} in {@code env}, then the environment overrides. Other
     * arguments are ignored.
     */
    public static Config load(String[] args, Map<String, String> env) {
        return load(configPath(args, env), env);
    }

    /** Loads defaults, the optional file, then the environment overrides. */
    public static Config load(Optional<Path> file, Map<String, String> env) {
        String text = null;
        if (file.isPresent()) {
            try {
                text = Files.readString(file.get());
            } catch (IOException e) {
                throw new ConfigException("cannot read config file " + file.get() + ": " + e, e);
            }
        }
        return build(text, file.map(Path::toString).orElse("config"), env);
    }

    /** Defaults, then {@code yaml} as if it were the config file, then {@code env}. For tests and tools. */
    public static Config fromYaml(String yaml, Map<String, String> env) {
        return build(yaml, "config", env);
    }

    /** The embedded defaults alone. */
    public static Config defaults() {
        return build(null, "config", Map.of());
    }

    private static Config build(String fileText, String source, Map<String, String> env) {
        ObjectMapper yaml = new YAMLMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        ObjectNode defaults = readDefaults(yaml);
        ObjectNode root = defaults.deepCopy();
        if (fileText != null) {
            JsonNode overlay;
            try {
                overlay = yaml.readTree(fileText);
            } catch (JsonProcessingException e) {
                throw new ConfigException(source + ": not valid YAML: " + e.getOriginalMessage()
                        + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()), e);
            }
            ConfigTree.mergeFile(root, overlay, source);
        }
        Set<String> used = ConfigTree.applyEnv(root, defaults, env);
        warnUnknownEnv(env, defaults);
        if (!used.isEmpty()) {
            log.info("Config overridden from the environment: {}", used);
        }
        return new Config(root, yaml);
    }

    private static ObjectNode readDefaults(ObjectMapper yaml) {
        try (InputStream in = Config.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new ConfigException("embedded defaults " + DEFAULTS_RESOURCE + " are missing from the classpath");
            }
            JsonNode node = yaml.readTree(in);
            if (!(node instanceof ObjectNode)) {
                throw new ConfigException("embedded defaults " + DEFAULTS_RESOURCE + " are not a map");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new ConfigException("cannot read embedded defaults " + DEFAULTS_RESOURCE + ": " + e, e);
        }
    }

    /** A mistyped variable would otherwise be ignored silently; it is only a warning because other tools may share the prefix. */
    private static void warnUnknownEnv(Map<String, String> env, ObjectNode defaults) {
        Set<String> known = ConfigTree.envNames(defaults).keySet();
        List<String> unknown = new ArrayList<>();
        for (String name : env.keySet()) {
            if (name.startsWith(EnvNames.PREFIX) && !name.equals(CONFIG_ENV) && !known.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            log.warn("Environment variables {} match no config key; ignored", unknown);
        }
    }

    static Optional<Path> configPath(String[] args, Map<String, String> env) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config")) {
                if (i + 1 >= args.length) {
                    throw new ConfigException("--config needs a file path");
                }
                return Optional.of(Path.of(args[i + 1]));
            }
            if (args[i].startsWith("--config=")) {
                return Optional.of(Path.of(args[i].substring("--config=".length())));
            }
        }
        String fromEnv = env.get(CONFIG_ENV);
        return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(Path.of(fromEnv.trim()));
    }

    /**
     * Reads the section at {@code path} ("" for the whole tree) into {@code type}, usually a record whose
     * components are named like the keys. Keys the record does not name are ignored.
     */
    public <T> T bind(String path, Class<T> type) {
        JsonNode node = path.isEmpty() ? root : node(path);
        try {
            return mapper.convertValue(node, type);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("cannot read config '" + (path.isEmpty() ? "<root>" : path) + "' as "
                    + type.getSimpleName() + ": " + rootMessage(e), e);
        }
    }

    public boolean has(String path) {
        return find(path) != null;
    }

    public String getString(String path) {
        JsonNode node = node(path);
        if (!node.isValueNode()) {
            throw wrongType(path, "a string", node);
        }
        return node.asText();
    }

    public int getInt(String path) {
        JsonNode node = node(path);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrongType(path, "an int", node);
        }
        return node.intValue();
    }

    public long getLong(String path) {
        JsonNode node = node(path);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw wrongType(path, "a long", node);
        }
        return node.longValue();
    }

    public double getDouble(String path) {
        JsonNode node = node(path);
        if (!node.isNumber()) {
            throw wrongType(path, "a number", node);
        }
        return node.doubleValue();
    }

    public boolean getBoolean(String path) {
        JsonNode node = node(path);
        if (!node.isBoolean()) {
            throw wrongType(path, "a boolean", node);
        }
        return node.booleanValue();
    }

    public List<String> getStringList(String path) {
        JsonNode node = node(path);
        if (!node.isArray()) {
            throw wrongType(path, "a list", node);
        }
        List<String> values = new ArrayList<>(node.size());
        node.forEach(item -> values.add(item.asText()));
        return List.copyOf(values);
    }

    /** The environment variable that overrides {@code path}, for messages and docs. */
    public static String envName(String path) {
        return EnvNames.of(List.of(path.split("\\.")));
    }

    private JsonNode node(String path) {
        JsonNode node = find(path);
        if (node == null) {
            throw new ConfigException("unknown config key '" + path + "'");
        }
        return node;
    }

    private JsonNode find(String path) {
        JsonNode node = root;
        for (String segment : path.split("\\.")) {
            node = node.get(segment);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static ConfigException wrongType(String path, String expected, JsonNode node) {
        return new ConfigException("config key '" + path + "' is not " + expected + ": " + node);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
