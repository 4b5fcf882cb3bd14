package dev.hongyan.gateway.nativeprotocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import java.util.stream.Collectors;

/**
 * JSON for the native protocol: strict about types, lenient about extra fields (bodies carry "...").
 * Terminal statuses are written from their cached rendering (see {@link ClientStatusSerializer}).
 */
public final class NativeCodec {

    private final ObjectMapper mapper;

    public NativeCodec() {
        SimpleModule statuses = new SimpleModule("client-status-memo")
                .addSerializer(new ClientStatusSerializer(configured()));
        this.mapper = configured(statuses);
    }

    private static ObjectMapper configured(Module... modules) {
        JsonMapper mapper = JsonMapper.builder()
                .addModules(modules)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // "5" is not a number and 1 is not true: a wrong type is the client's bug to hear about.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // 5 is not "5" either: a number or boolean where text belongs is the client's bug too.
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
        return mapper;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Parses and checks the envelope; the body is left as a tree for the handler's binding. */
    public ParsedMessage parse(String text) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CoreException(ErrorCode.MALFORMED_MESSAGE, "malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new CoreException(ErrorCode.MALFORMED_MESSAGE, "a message must be a JSON object");
        }
        JsonNode header = root.get("header");
        if (header == null || !header.isObject()) {
            throw new CoreException(ErrorCode.MALFORMED_MESSAGE, "missing header");
        }
        JsonNode id = header.get("id");
        Long requestId = id != null && id.canConvertToExactIntegral() && id.canConvertToLong() && id.asLong() >= 0
                ? id.asLong() : null;
        JsonNode signal = header.get("signal");
        if (signal == null || !signal.isTextual() || signal.asText().isBlank()) {
            throw new MalformedEnvelope(requestId, "header.signal must be a non-empty string");
        }
        if (requestId == null) {
            throw new MalformedEnvelope(null, "header.id must be a non-negative integer");
        }
        JsonNode body = root.get("body");
        if (body != null && !body.isNull() && !body.isObject()) {
            throw new MalformedEnvelope(requestId, "body must be a JSON object");
        }
        JsonNode code = root.get("code");
        JsonNode message = root.get("message");
        return new ParsedMessage(requestId, signal.asText(),
                body == null || body.isNull() ? mapper.createObjectNode() : (ObjectNode) body,
                code == null || code.isNull() ? null : code.asText(),
                message == null || message.isNull() ? null : message.asText());
    }

    /** Binds a body to its record; constructor validation and type mismatches become INVALID_BODY. */
    @SuppressWarnings("unchecked")
    public <B> B bind(ObjectNode body, Class<B> type) {
        if (type == ObjectNode.class || type == JsonNode.class) {
            return (B) body;
        }
        try {
            return mapper.treeToValue(body, type);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof CoreException core) {
                throw core;
            }
            throw CoreException.invalid(describe(e));
        } catch (JsonProcessingException e) {
            throw CoreException.invalid(describe(e));
        } catch (IllegalArgumentException e) {
            throw CoreException.invalid(e.getMessage());
        }
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public <T> T convert(Object value, Class<T> type) {
        return mapper.convertValue(value, type);
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
                String expected = ((MismatchedInputException) e).getTargetType() == null ? "another type"
                        : simpleTypeName(((MismatchedInputException) e).getTargetType());
                return "body." + path + " has the wrong type (expected " + expected + ")";
            }
            return "body." + path + ": " + e.getOriginalMessage();
        }
        return "invalid body: " + e.getOriginalMessage();
    }

    private static String simpleTypeName(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == Float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return type.getSimpleName();
    }

    /** A message whose envelope was read: id, signal, body, and code/message when it is a reply. */
    public record ParsedMessage(long id, String signal, ObjectNode body, String code, String message) {}

    /** An envelope error that still knows the request id to echo. */
    public static final class MalformedEnvelope extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Long requestId;

        MalformedEnvelope(Long requestId, String message) {
            super(message, null, false, false);
            this.requestId = requestId;
        }

        public Long requestId() {
            return requestId;
        }
    }
}
