package dev.hongyan.gateway.nativeprotocol.room;

import dev.hongyan.core.room.RoomService;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** room::status: one room, as room::list shows it. */
public final class RoomStatusHandler implements SignalHandler<RoomIdBody> {

    private static final SignalSpec<RoomIdBody> SPEC = new SignalSpec<>("room::status", RoomIdBody.class, Access.CLIENT,
            "Shows one room, as room::list does.",
            "{\"roomId\": \"room id\"}",
            RoomCreateHandler.ROOM_INFO,
            "terminal=>server",
            """
            Any registered terminal may ask (room::list shows the same to anyone). The password and its hash are
            never shown. No such room: 3404.""");

    private final RoomService rooms;

    public RoomStatusHandler(RoomService rooms) {
        this.rooms = rooms;
    }

    @Override
    public SignalSpec<RoomIdBody> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, RoomIdBody body) {
        context.reply(rooms.status(body.roomId()));
    }
}
