package dev.hongyan.gateway.nativeprotocol.room;

import dev.hongyan.core.room.RoomService;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** room::broadcast: the body, as sent, to every other member of the room. */
public final class RoomBroadcastHandler implements SignalHandler<RoomIdBody> {

    private static final SignalSpec<RoomIdBody> SPEC = new SignalSpec<>("room::broadcast", RoomIdBody.class,
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
    public SignalSpec<RoomIdBody> spec() {
        return SPEC;
    }

    /** Only roomId is read (and checked by {@link RoomIdBody}); the rest is relayed as sent. */
    @Override
    public void handle(SignalContext context, RoomIdBody body) {
        Answers.errorsOnly(context, rooms.broadcast(context.client(), body.roomId(), context.rawBody()));
    }
}
