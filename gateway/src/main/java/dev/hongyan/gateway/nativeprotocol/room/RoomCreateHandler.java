package dev.hongyan.gateway.nativeprotocol.room;

import dev.hongyan.core.room.RoomService;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** room::create: a new room owned by the sender, who is not entered into it. */
public final class RoomCreateHandler implements SignalHandler<CreateRoomBody> {

    static final String ROOM_INFO = """
            {
                "roomId"           : "room id (a UUID)",
                "name"             : "room name",
                "clientSize"       : number of members,
                "mediaClientId"    : "media node id, or null",
                "passwordProtected": true when entering needs a password,
                "owner"            : "creator's clientId"
            }""";

    private static final SignalSpec<CreateRoomBody> SPEC = new SignalSpec<>("room::create", CreateRoomBody.class,
            Access.CLIENT,
            "Creates a room owned by the sender. The creator is not entered into it (spec 001): it sends room::enter next.",
            """
            {
                "name"         : "room name (1-64 characters)",
                "password"     : "room password (optional, at most 128 characters; \\"passowrd\\", the spec's spelling, is read too)",
                "mediaClientId": "media node id (optional)"
            }""",
            ROOM_INFO + "  (the reply to the creator, and room::create to the other terminals)",
            """
            terminal=>server
            terminal->server-[room::create])terminals""",
            """
            The room id is a random UUID. Other terminals are told with room::create carrying the same object,
            to the audience of client::online (clients.presenceScope), the creator excepted. The password is
            kept only as a PBKDF2 hash and is never shown to anyone (room::list and room::status say only
            passwordProtected). A room that stays empty for rooms.emptyRoomGraceMillis (just created, or left
            by its last member) closes without notification. mediaClientId is kept and shown; media is not
            attached yet. A missing or over-long name, or password and passowrd both sent with different
            values: 1003. rooms.maxRooms rooms already open: 3413.""");

    private final RoomService rooms;

    public RoomCreateHandler(RoomService rooms) {
        this.rooms = rooms;
    }

    @Override
    public SignalSpec<CreateRoomBody> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, CreateRoomBody body) {
        Answers.reply(context, rooms.create(context.client(), body.name(), body.password(), body.mediaClientId()),
                info -> info);
    }
}
