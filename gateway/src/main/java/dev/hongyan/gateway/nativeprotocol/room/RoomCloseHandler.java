package dev.hongyan.gateway.nativeprotocol.room;

import dev.hongyan.core.room.RoomService;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** room::close: the owner, a moderator or an admin ends the room for everyone. */
public final class RoomCloseHandler implements SignalHandler<RoomIdBody> {

    private static final SignalSpec<RoomIdBody> SPEC = new SignalSpec<>("room::close", RoomIdBody.class, Access.CLIENT,
            "Closes a room: every member and the sender are told, then the room and all memberships are gone.",
            "{\"roomId\": \"room id\"}",
            "{\"roomId\": \"room id\"}  (room::close to every member and to the sender, once each)",
            "terminal->server+)room members and the sender",
            """
            Only the room's owner (its creator: same clientId and account), a moderator, or an admin may close
            it: 3403 otherwise. No such room: 3404. There is no other reply: the sender's own room::close is the
            confirmation, even when the sender (an admin) was not a member.""");

    private final RoomService rooms;

    public RoomCloseHandler(RoomService rooms) {
        this.rooms = rooms;
    }

    @Override
    public SignalSpec<RoomIdBody> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, RoomIdBody body) {
        Answers.errorsOnly(context, rooms.close(context.client(), body.roomId()));
    }
}
