package dev.hongyan.gateway.nativeprotocol.room;

import dev.hongyan.core.room.RoomService;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** room::leave: stop being a member; the others are told. */
public final class RoomLeaveHandler implements SignalHandler<RoomIdBody> {

    private static final SignalSpec<RoomIdBody> SPEC = new SignalSpec<>("room::leave", RoomIdBody.class, Access.CLIENT,
            "Leaves a room. The other members are told; the leaver gets no reply.",
            "{\"roomId\": \"room id\"}",
            "{\"roomId\": \"room id\", \"clientId\": \"the leaver's id\"}  (room::leave to the other members)",
            """
            terminal->server-)room members
            terminal-[connection closed]>server-[room::leave])room members""",
            """
            A terminal that goes offline leaves all its rooms the same way. Leaving releases only the membership
            (and, once media exists, what the member owns in that room). When the last member leaves, the room
            closes after rooms.emptyRoomGraceMillis unless someone enters meanwhile. Not in the room, or no such
            room: 3404.""");

    private final RoomService rooms;

    public RoomLeaveHandler(RoomService rooms) {
        this.rooms = rooms;
    }

    @Override
    public SignalSpec<RoomIdBody> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, RoomIdBody body) {
        Answers.errorsOnly(context, rooms.leave(context.client(), body.roomId()));
    }
}
