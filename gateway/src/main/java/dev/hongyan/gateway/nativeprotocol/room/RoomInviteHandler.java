package dev.hongyan.gateway.nativeprotocol.room;

import dev.hongyan.core.room.RoomService;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** room::invite: a member asks an online terminal in; the invitation admits it without the password. */
public final class RoomInviteHandler implements SignalHandler<InviteBody> {

    private static final SignalSpec<InviteBody> SPEC = new SignalSpec<>("room::invite", InviteBody.class, Access.CLIENT,
            "Invites an online terminal into a room; it may then enter once without the password.",
            """
            {
                "roomId"  : "room id",
                "clientId": "invitee's id",
                "password": "ignored (optional)"
            }""",
            """
            {
                "roomId"           : "room id",
                "name"             : "room name",
                "clientId"         : "invitee's id",
                "from"             : "inviter's id",
                "fromName"         : "inviter's name",
                "passwordProtected": true when the room has a password,
                "expiresInMillis"  : how long the invitation admits the invitee
            }  (room::invite to the invitee; no reply to the inviter)""",
            "terminal->server->terminal",
            """
            Members of the room, its owner and moderators, and admins may invite: 3403 otherwise. The invitee
            answers with room::enter; for rooms.inviteTtlMillis its first room::enter needs no password. The
            invitation is bound to the invitee's clientId and account, and is used up by entering or revoked
            by room::expel. Unlike taoyao, the server never sends the room password to the invitee, and a
            password in this body is ignored. Invitee not online, or no such room: 3404. Invitee already in the
            room: 3409.""");

    private final RoomService rooms;

    public RoomInviteHandler(RoomService rooms) {
        this.rooms = rooms;
    }

    @Override
    public SignalSpec<InviteBody> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, InviteBody body) {
        Answers.errorsOnly(context, rooms.invite(context.client(), body.roomId(), body.clientId()));
    }
}
