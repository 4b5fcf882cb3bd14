package dev.hongyan.gateway.nativeprotocol.room;

import dev.hongyan.core.error.Require;

/** room::create. {@code password} is the effective password, whichever spelling carried it. */
public record CreateRoomBody(String name, String password, String passowrd, String mediaClientId) {

    public CreateRoomBody {
        Require.text(name, "name", RoomLimits.NAME);
        password = RoomLimits.password(password, passowrd);
        passowrd = null;
        mediaClientId = Require.optionalText(mediaClientId, "mediaClientId", RoomLimits.ID);
    }
}
