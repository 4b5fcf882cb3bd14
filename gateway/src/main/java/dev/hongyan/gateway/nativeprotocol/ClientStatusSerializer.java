package dev.hongyan.gateway.nativeprotocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.hongyan.core.client.ClientStatus;
import java.io.IOException;

/**
 * Writes a terminal's status from the text cached on it, rendering it only the first time. A status
 * lives until its client's next heartbeat but is listed over and over (every room::enter lists all
 * members to the newcomer, client::list lists every terminal), and bean serialisation of statuses
 * was the largest avoidable cost of those lists.
 */
final class ClientStatusSerializer extends StdSerializer<ClientStatus> {

    private static final long serialVersionUID = 1L;

    /** The codec's mapper without this serializer: the normal bean rendering of a status. */
    private final transient ObjectMapper plain;

    ClientStatusSerializer(ObjectMapper plain) {
        super(ClientStatus.class);
        this.plain = plain;
    }

    @Override
    public void serialize(ClientStatus status, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (gen instanceof TokenBuffer) {
            // convertValue/valueToTree: raw text would end up as one opaque embedded value, not a tree.
            plain.writeValue(gen, status);
            return;
        }
        // This serializer instance is the cache key: one per codec, so one rendering per status.
        gen.writeRawValue(status.render(this, this::renderPlain));
    }

    private String renderPlain(ClientStatus status) {
        try {
            return plain.writeValueAsString(status);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the status of " + status.clientId(), e);
        }
    }
}
