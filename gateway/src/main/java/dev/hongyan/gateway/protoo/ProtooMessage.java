package dev.hongyan.gateway.protoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The three protoo message kinds, as read off the wire. */
sealed interface ProtooMessage {

    /**
     * {@code {request:true, id, method, data}}. The id is kept as the client wrote it (any JSON number)
     * because it is echoed back as is; protoo ids are random and need not be unique.
     */
    record Request(JsonNode id, String method, ObjectNode data) implements ProtooMessage {}

    /** {@code {response:true, id, ok, data}} or {@code {response:true, id, errorCode, errorReason}}. */
    record Response(JsonNode id, boolean ok, JsonNode data, int errorCode, String errorReason) implements ProtooMessage {}

    /** {@code {notification:true, method, data}}. */
    record Notification(String method, JsonNode data) implements ProtooMessage {}
}
