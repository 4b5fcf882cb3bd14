package dev.hongyan.gateway.nativeprotocol.room;

import dev.hongyan.core.room.RoomService;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** room::client::list: the members of a room with their status. */
public final class RoomClientListHandler implements SignalHandler<RoomIdBody> {

    private static final SignalSpec<RoomIdBody> SPEC = new SignalSpec<>("room::client::list", RoomIdBody.class,
            Access.CLIENT,
            "Lists a room's members with their status. Also pushed to a terminal right after it enters.",
            "{\"roomId\": \"room id\"}",
            """
            [
                {"ip", "name", "clientId", "clientType", "latitude", "longitude", "humidity", "temperature",
                 "signal", "battery", "alarming", "charging", "clientRecording", "serverRecording",
                 "lastHeartbeat", "status", "config"},
                ...
            ]  (in order of entry; fields the terminal never reported are omitted)""",
            """
            terminal=>server
            terminal=[room::enter]>server->terminal""",
            "Members and admins only: 3403 otherwise. No such room: 3404.");

    private final RoomService rooms;

    public RoomClientListHandler(RoomService rooms) {
        this.rooms = rooms;
    }

    @Override
    public SignalSpec<RoomIdBody> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, RoomIdBody body) {
        Answers.reply(context, rooms.members(context.client(), body.roomId()), members -> members);
    }
}
