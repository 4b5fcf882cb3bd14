package dev.hongyan.gateway.nativeprotocol.room;

import dev.hongyan.core.error.Require;

/**
 * room::enter. Taoyao clients also send {@code rtpCapabilities}, {@code sctpCapabilities} and
 * {@code subscribeType}; they are ignored until media is attached to rooms.
 */
public record EnterRoomBody(String roomId, String password, String passowrd) {

    public EnterRoomBody {
        Require.text(roomId, "roomId", RoomLimits.ID);
        password = RoomLimits.password(password, passowrd);
        passowrd = null;
    }
}
