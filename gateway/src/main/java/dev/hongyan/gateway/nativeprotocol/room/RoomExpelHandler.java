package dev.hongyan.gateway.nativeprotocol.room;

import dev.hongyan.core.room.RoomService;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** room::expel: the server removes a member; the member and the rest of the room are told. */
public final class RoomExpelHandler implements SignalHandler<MemberBody> {

    private static final SignalSpec<MemberBody> SPEC = new SignalSpec<>("room::expel", MemberBody.class, Access.CLIENT,
            "Removes a member from a room: the server evicts it (it does not merely ask it to leave).",
            """
            {
                "roomId"  : "room id",
                "clientId": "member to expel"
            }""",
            """
            {"roomId": "room id", "clientId": "expelled member's id"}  (room::expel to the expelled member)
            {"roomId": "room id", "clientId": "expelled member's id"}  (room::leave to the remaining members)""",
            """
            terminal->server-[room::expel]>terminal
            terminal->server-[room::leave])room members""",
            """
            Only the room's owner, a moderator, or an admin may expel: 3403 otherwise; a moderator may not expel
            the owner (3403). Expelling oneself: 3409 (use room::leave). Not a member, or no such room: 3404.
            Any invitation the expelled terminal held is revoked; it may enter again with the password. There
            is no reply: the remaining members' room::leave (the sender's included, when a member) confirms it.""");

    private final RoomService rooms;

    public RoomExpelHandler(RoomService rooms) {
        this.rooms = rooms;
    }

    @Override
    public SignalSpec<MemberBody> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, MemberBody body) {
        Answers.errorsOnly(context, rooms.expel(context.client(), body.roomId(), body.clientId()));
    }
}
