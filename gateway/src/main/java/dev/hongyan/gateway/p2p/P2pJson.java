package dev.hongyan.gateway.p2p;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reading the domain protocol's snake_case JSON by hand from the tree, so that every refusal names
 * the exact field and what was wrong with it (the originals answered "[1,3,7,13]" or panicked).
 */
final class P2pJson {

    private final ObjectMapper mapper;

    P2pJson() {
        JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
        this.mapper = mapper;
    }

    ObjectNode object(String text, String what) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new P2pException(400, what + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new P2pException(400, what + " must be a JSON object");
        }
        return (ObjectNode) root;
    }

    ObjectNode newObject() {
        return mapper.createObjectNode();
    }

    String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise", e);
        }
    }

    static String text(ObjectNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw new P2pException(400, "missing " + path);
        }
        if (!value.isTextual()) {
            throw new P2pException(400, path + " must be a string");
        }
        if (value.asText().isEmpty()) {
            throw new P2pException(400, path + " must not be empty");
        }
        return value.asText();
    }

    static String domain(ObjectNode parent, String field, String path) {
        String domain = text(parent, field, path);
        String problem = DomainName.problem(domain);
        if (problem != null) {
            throw new P2pException(400, path + ": " + problem);
        }
        return domain;
    }

    /** A base64 string (standard or URL-safe alphabet, padding optional), checked by decoding it. */
    static String base64(ObjectNode parent, String field, String path) {
        String encoded = text(parent, field, path);
        try {
            Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException standard) {
            try {
                Base64.getUrlDecoder().decode(encoded);
            } catch (IllegalArgumentException urlSafe) {
                throw new P2pException(400, path + " is not valid base64: " + standard.getMessage());
            }
        }
        return encoded;
    }

    static List<String> strings(ObjectNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw new P2pException(400, "missing " + path + " (an array of candidate strings, [] when none)");
        }
        if (!value.isArray()) {
            throw new P2pException(400, path + " must be an array of strings");
        }
        List<String> result = new ArrayList<>();
        ArrayNode array = (ArrayNode) value;
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw new P2pException(400, path + "[" + i + "] must be a string");
            }
            result.add(array.get(i).asText());
        }
        return result;
    }

    static ObjectNode child(ObjectNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw new P2pException(400, "missing " + path);
        }
        if (!value.isObject()) {
            throw new P2pException(400, path + " must be an object");
        }
        return (ObjectNode) value;
    }
}
