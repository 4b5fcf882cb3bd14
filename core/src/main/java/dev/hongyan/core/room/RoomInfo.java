package dev.hongyan.core.room;

/**
 * A room as anyone may see it (room::list, room::status, room::create). Deliberately without the
 * password or its hash: the spec's list shows a {@code passowrd} field, which would hand every
 * client the key to every room.
 *
 * @param owner the creator's clientId
 */
public record RoomInfo(String roomId, String name, int clientSize, String mediaClientId, boolean passwordProtected,
        String owner) {}
