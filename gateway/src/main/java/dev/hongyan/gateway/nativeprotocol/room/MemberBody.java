package dev.hongyan.gateway.nativeprotocol.room;

import dev.hongyan.core.error.Require;

/** A body naming a room and one of its members (room::expel). */
public record MemberBody(String roomId, String clientId) {

    public MemberBody {
        Require.text(roomId, "roomId", RoomLimits.ID);
        Require.text(clientId, "clientId", RoomLimits.ID);
    }
}
