package dev.hongyan.gateway.nativeprotocol.room;

import dev.hongyan.core.error.Require;

/** room::client::list::id: a room and, optionally, the member (default: the sender). */
public record MediaIdsBody(String roomId, String clientId) {

    public MediaIdsBody {
        Require.text(roomId, "roomId", RoomLimits.ID);
        clientId = Require.optionalText(clientId, "clientId", RoomLimits.ID);
    }
}
