package dev.hongyan.gateway.nativeprotocol.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.Require;
import dev.hongyan.core.room.RoomService;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** room::broadcast: the body, as sent, to every other member of the room. */
public final class RoomBroadcastHandler implements SignalHandler<ObjectNode> {

    private static final SignalSpec<ObjectNode> SPEC = new SignalSpec<>("room::broadcast", ObjectNode.class,
            Access.CLIENT,
            "Sends the body to every other member of a room.",
            "{\"roomId\": \"room id\", ...}",
            "the same body, to the other members; no reply to the sender",
            "terminal->server-)room members",
            """
            The body is passed through unchanged and rendered once for all receivers. Only members may broadcast:
            3403 otherwise. No such room: 3404. A missing roomId, or one that is not a string: 1003.""");

    private final RoomService rooms;

    public RoomBroadcastHandler(RoomService rooms) {
        this.rooms = rooms;
    }

    @Override
    public SignalSpec<ObjectNode> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, ObjectNode body) {
        JsonNode roomId = body.get("roomId");
        if (roomId != null && !roomId.isNull() && !roomId.isTextual()) {
            throw CoreException.invalid("body.roomId has the wrong type (expected a string)");
        }
        Require.text(roomId == null || roomId.isNull() ? null : roomId.asText(), "roomId", RoomLimits.ID);
        Answers.errorsOnly(context, rooms.broadcast(context.client(), roomId.asText(), body));
    }
}
