package dev.hongyan.gateway.nativeprotocol.room;

import dev.hongyan.core.error.Require;

/** A body naming one room. */
public record RoomIdBody(String roomId) {

    public RoomIdBody {
        Require.text(roomId, "roomId", RoomLimits.ID);
    }
}
