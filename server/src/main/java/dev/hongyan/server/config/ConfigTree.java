package dev.hongyan.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges layers over the defaults tree. The defaults are the schema: they fix which keys exist and
 * what type each holds, so a file or an environment variable can only change values, never invent keys.
 */
final class ConfigTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConfigTree() {}

    /** Deep-merges {@code overlay} into {@code target} (a copy of the defaults), checking keys and types. */
    static void mergeFile(ObjectNode target, JsonNode overlay, String source) {
        if (overlay == null || overlay.isMissingNode() || overlay.isNull()) {
            return; // an empty file changes nothing
        }
        if (!overlay.isObject()) {
            throw new ConfigException(source + ": the top level must be a map of keys");
        }
        mergeObject(target, (ObjectNode) overlay, "", source);
    }

    private static void mergeObject(ObjectNode target, ObjectNode overlay, String prefix, String source) {
        boolean freeForm = target.isEmpty();
        for (Map.Entry<String, JsonNode> field : overlay.properties()) {
            String key = prefix + field.getKey();
            JsonNode current = target.get(field.getKey());
            if (current == null) {
                if (freeForm) {
                    target.set(field.getKey(), field.getValue());
                    continue;
                }
                throw new ConfigException(source + ": unknown config key '" + key + "'" + suggestion(target));
            }
            target.set(field.getKey(), merged(current, field.getValue(), key, source));
        }
    }

    private static JsonNode merged(JsonNode current, JsonNode value, String key, String source) {
        if (current.isObject()) {
            if (!value.isObject()) {
                throw typeError(source, key, "a map", value);
            }
            ObjectNode copy = ((ObjectNode) current).deepCopy();
            mergeObject(copy, (ObjectNode) value, key + ".", source);
            return copy;
        }
        if (current.isNull()) {
            return value; // no default type to enforce
        }
        if (current.isArray()) {
            if (value.isNull()) {
                return NODES.arrayNode();
            }
            if (!value.isArray()) {
                throw typeError(source, key, "a list", value);
            }
            return value; // lists replace, they do not merge
        }
        if (current.isBoolean()) {
            if (!value.isBoolean()) {
                throw typeError(source, key, "true or false", value);
            }
            return value;
        }
        if (current.isIntegralNumber()) {
            if (!value.isIntegralNumber()) {
                throw typeError(source, key, "an integer", value);
            }
            return value;
        }
        if (current.isNumber()) {
            if (!value.isNumber()) {
                throw typeError(source, key, "a number", value);
            }
            return NODES.numberNode(value.doubleValue());
        }
        if (current.isTextual()) {
            if (value.isNull()) {
                return NODES.textNode(""); // "key:" with nothing after it in YAML means empty
            }
            if (!value.isValueNode()) {
                throw typeError(source, key, "a string", value);
            }
            return NODES.textNode(value.asText()); // a password written as 123456 is still a string
        }
        throw new ConfigException("default of '" + key + "' has an unsupported type " + current.getNodeType());
    }

    /** Applies {@code HONGYAN_*} variables to every key the defaults declare. Returns the variables used. */
    static Set<String> applyEnv(ObjectNode target, ObjectNode defaults, Map<String, String> env) {
        Set<String> used = new TreeSet<>();
        for (Map.Entry<String, List<String>> entry : envNames(defaults).entrySet()) {
            String raw = env.get(entry.getKey());
            if (raw == null) {
                continue;
            }
            List<String> path = entry.getValue();
            String key = String.join(".", path);
            ObjectNode parent = target;
            for (int i = 0; i < path.size() - 1; i++) {
                parent = (ObjectNode) parent.get(path.get(i));
            }
            JsonNode defaultValue = leaf(defaults, path);
            parent.set(path.get(path.size() - 1), parse(entry.getKey(), key, raw, defaultValue));
            used.add(entry.getKey());
        }
        return used;
    }

    /** Every overridable key, by environment name. */
    static Map<String, List<String>> envNames(ObjectNode defaults) {
        Map<String, List<String>> names = new HashMap<>();
        collectLeaves(defaults, new ArrayList<>(), names);
        return names;
    }

    private static void collectLeaves(ObjectNode node, List<String> path, Map<String, List<String>> out) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            List<String> childPath = new ArrayList<>(path);
            childPath.add(field.getKey());
            if (field.getValue().isObject() && !field.getValue().isEmpty()) {
                collectLeaves((ObjectNode) field.getValue(), childPath, out);
            } else if (!field.getValue().isObject()) {
                String name = EnvNames.of(childPath);
                List<String> clash = out.put(name, List.copyOf(childPath));
                if (clash != null) {
                    // Two keys that map to one variable would make the override ambiguous.
                    throw new ConfigException("config keys '" + String.join(".", clash) + "' and '"
                            + String.join(".", childPath) + "' both map to " + name);
                }
            }
        }
    }

    private static JsonNode leaf(JsonNode root, List<String> path) {
        JsonNode node = root;
        for (String segment : path) {
            node = node.get(segment);
        }
        return node;
    }

    private static JsonNode parse(String envName, String key, String raw, JsonNode defaultValue) {
        String text = raw.trim();
        try {
            if (defaultValue.isBoolean()) {
                if (text.equalsIgnoreCase("true")) {
                    return NODES.booleanNode(true);
                }
                if (text.equalsIgnoreCase("false")) {
                    return NODES.booleanNode(false);
                }
                throw new IllegalArgumentException("expected true or false");
            }
            if (defaultValue.isIntegralNumber()) {
                long value = Long.parseLong(text);
                return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
            }
            if (defaultValue.isNumber()) {
                return NODES.numberNode(Double.parseDouble(text));
            }
            if (defaultValue.isArray()) {
                ArrayNode list = NODES.arrayNode();
                JsonNode elementDefault = defaultValue.isEmpty() ? NODES.textNode("") : defaultValue.get(0);
                if (!text.isEmpty()) {
                    for (String item : text.split(",", -1)) {
                        list.add(parse(envName, key, item, elementDefault));
                    }
                }
                return list;
            }
            return NODES.textNode(raw); // strings keep their spaces
        } catch (IllegalArgumentException e) {
            String expected = e instanceof NumberFormatException
                    ? (defaultValue.isIntegralNumber() ? "an integer" : "a number") : e.getMessage();
            throw new ConfigException(envName + " (config key '" + key + "'): expected " + expected + ", got '" + raw + "'");
        }
    }

    private static ConfigException typeError(String source, String key, String expected, JsonNode value) {
        String shown = value.isValueNode() ? "'" + value.asText() + "'" : value.getNodeType().toString().toLowerCase();
        return new ConfigException(source + ": config key '" + key + "' must be " + expected + ", got " + shown);
    }

    private static String suggestion(ObjectNode known) {
        List<String> keys = new ArrayList<>();
        known.fieldNames().forEachRemaining(keys::add);
        return " (known here: " + String.join(", ", keys) + ")";
    }
}
