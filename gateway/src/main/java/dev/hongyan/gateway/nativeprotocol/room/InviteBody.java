package dev.hongyan.gateway.nativeprotocol.room;

import dev.hongyan.core.error.Require;

/**
 * room::invite. {@code password} is accepted for spec compatibility and ignored: the invitation itself
 * admits the invitee, so no password travels to anyone.
 */
public record InviteBody(String roomId, String clientId, String password) {

    public InviteBody {
        Require.text(roomId, "roomId", RoomLimits.ID);
        Require.text(clientId, "clientId", RoomLimits.ID);
        password = null;
    }
}
