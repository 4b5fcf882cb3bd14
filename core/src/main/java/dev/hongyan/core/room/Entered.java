package dev.hongyan.core.room;

import dev.hongyan.core.client.ClientStatus;
import java.util.List;

/**
 * The outcome of entering a room: the room as it is now and every member's status (the newcomer
 * included), which native clients receive as room::client::list and protoo peers in their join answer.
 */
public record Entered(RoomInfo room, String clientId, List<ClientStatus> members) {

    public Entered {
        members = List.copyOf(members);
    }
}
