package dev.hongyan.gateway.protoo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.media.dtls.DtlsFingerprint;
import dev.hongyan.media.dtls.DtlsParameters;
import dev.hongyan.media.dtls.DtlsRole;
import dev.hongyan.media.ortc.MediaKind;
import dev.hongyan.media.ortc.RtpCapabilities;
import dev.hongyan.media.ortc.RtpJson;
import dev.hongyan.media.ortc.RtpParameters;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * protoo's JSON: parsing messages as protoo's {@code Message.parse} does (anything that is not a
 * well-formed request, response or notification is dropped), binding request data to typed records with
 * mediasoup's validation (RTP parameters and capabilities through {@link RtpJson}), and writing messages.
 */
final class ProtooCodec {

    private final ObjectMapper mapper;

    ProtooCodec() {
        SimpleModule mediasoup = new SimpleModule("mediasoup-shapes");
        mediasoup.addDeserializer(RtpParameters.class, ortc(RtpJson::parseRtpParameters));
        mediasoup.addDeserializer(RtpCapabilities.class, ortc(RtpJson::parseRtpCapabilities));
        mediasoup.addDeserializer(MediaKind.class, ortc(RtpJson::parseKind));
        mediasoup.addDeserializer(DtlsParameters.class, ortc(ProtooCodec::parseDtlsParameters));
        JsonMapper mapper = JsonMapper.builder()
                .addModule(mediasoup)
                // Absent, not null, as JavaScript's undefined is left out; map entries (appData) stay as given.
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // A wrong type is the client's bug to hear about, not to be guessed at.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
        this.mapper = mapper;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** The message, or empty when protoo would drop it (not JSON, not an object, no numeric id, ...). */
    Optional<ProtooMessage> parse(String text) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        JsonNode id = root.get("id");
        JsonNode method = root.get("method");
        JsonNode data = root.get("data");
        if (root.path("request").asBoolean(false)) {
            if (method == null || !method.isTextual() || id == null || !id.isNumber()) {
                return Optional.empty();
            }
            // protoo takes "data || {}"; a non-object data cannot bind to any request body.
            ObjectNode body = data != null && data.isObject() ? (ObjectNode) data : mapper.createObjectNode();
            return Optional.of(new ProtooMessage.Request(id, method.textValue(), body));
        }
        if (root.path("response").asBoolean(false)) {
            if (id == null || !id.isNumber()) {
                return Optional.empty();
            }
            JsonNode ok = root.get("ok");
            if (ok != null && ok.asBoolean(false)) {
                return Optional.of(new ProtooMessage.Response(id, true, data == null ? mapper.createObjectNode() : data, 0, null));
            }
            return Optional.of(new ProtooMessage.Response(id, false, null, root.path("errorCode").asInt(0),
                    root.path("errorReason").asText("")));
        }
        if (root.path("notification").asBoolean(false)) {
            if (method == null || !method.isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new ProtooMessage.Notification(method.textValue(), data == null ? mapper.createObjectNode() : data));
        }
        return Optional.empty();
    }

    /** Binds request data to its record; every failure is a CoreException naming the field. */
    <B> B bind(ObjectNode data, Class<B> type) {
        try {
            return mapper.treeToValue(data, type);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof CoreException core) {
                throw core;
            }
            throw CoreException.invalid(describe(e));
        } catch (JsonMappingException e) {
            // Our deserializers wrap mediasoup-worded OrtcExceptions: pass the wording through.
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                if (cause instanceof IllegalArgumentException invalid) {
                    throw CoreException.invalid(invalid.getMessage());
                }
            }
            throw CoreException.invalid(describe(e));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw CoreException.invalid("invalid request data: " + e.getMessage());
        }
    }

    String request(long id, String method, Object data) {
        ObjectNode message = mapper.createObjectNode();
        message.put("request", true);
        message.put("id", id);
        message.put("method", method);
        message.set("data", mapper.valueToTree(data));
        return write(message);
    }

    String success(JsonNode id, Object data) {
        ObjectNode message = mapper.createObjectNode();
        message.put("response", true);
        message.set("id", id);
        message.put("ok", true);
        message.set("data", data == null ? mapper.createObjectNode() : mapper.valueToTree(data));
        return write(message);
    }

    /** protoo-server leaves "ok" out of errors; protoo-client writes ok:false. Both parsers accept either. */
    String error(JsonNode id, int errorCode, String errorReason) {
        ObjectNode message = mapper.createObjectNode();
        message.put("response", true);
        message.set("id", id);
        message.put("ok", false);
        message.put("errorCode", errorCode);
        message.put("errorReason", errorReason);
        return write(message);
    }

    String notification(String method, Object data) {
        ObjectNode message = mapper.createObjectNode();
        message.put("notification", true);
        message.put("method", method);
        message.set("data", data == null ? mapper.createObjectNode() : mapper.valueToTree(data));
        return write(message);
    }

    private String write(JsonNode message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a protoo message", e);
        }
    }

    /** {@code {role?, fingerprints:[{algorithm, value}]}} as mediasoup's transport.connect() checks it. */
    private static DtlsParameters parseDtlsParameters(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("missing dtlsParameters");
        }
        DtlsRole role = DtlsRole.AUTO;
        JsonNode roleNode = node.get("role");
        if (roleNode != null && !roleNode.isNull()) {
            if (!roleNode.isTextual()) {
                throw new IllegalArgumentException("invalid dtlsParameters.role");
            }
            try {
                role = DtlsRole.fromWireName(roleNode.textValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid dtlsParameters.role");
            }
        }
        JsonNode fingerprints = node.get("fingerprints");
        if (fingerprints == null || !fingerprints.isArray() || fingerprints.isEmpty() || fingerprints.size() > 16) {
            throw new IllegalArgumentException("missing dtlsParameters.fingerprints");
        }
        List<DtlsFingerprint> list = new ArrayList<>();
        for (JsonNode fingerprint : fingerprints) {
            JsonNode algorithm = fingerprint.get("algorithm");
            JsonNode value = fingerprint.get("value");
            if (algorithm == null || !algorithm.isTextual() || value == null || !value.isTextual()
                    || algorithm.textValue().isBlank() || value.textValue().isBlank()
                    || algorithm.textValue().length() > 32 || value.textValue().length() > 256) {
                throw new IllegalArgumentException("invalid dtlsParameters.fingerprints");
            }
            list.add(new DtlsFingerprint(algorithm.textValue(), value.textValue()));
        }
        return new DtlsParameters(role, list);
    }

    private static <T> JsonDeserializer<T> ortc(Function<JsonNode, T> parse) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                JsonNode node = context.readTree(parser);
                try {
                    return parse.apply(node);
                } catch (IllegalArgumentException e) {
                    // OrtcException included: the message is mediasoup's wording, kept for the client.
                    throw JsonMappingException.from(parser, e.getMessage(), e);
                }
            }
        };
    }

    private static String describe(JsonMappingException e) {
        if (!e.getPath().isEmpty()) {
            String path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (e instanceof MismatchedInputException) {
                return "data." + path + " has the wrong type";
            }
            return "data." + path + ": " + e.getOriginalMessage();
        }
        return "invalid request data: " + e.getOriginalMessage();
    }
}
