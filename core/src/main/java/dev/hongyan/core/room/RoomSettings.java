package dev.hongyan.core.room;

/**
 * Limits and timers for rooms (config section {@code rooms:}).
 *
 * @param maxRooms rooms open at once on this server
 * @param maxMembers members per room
 * @param maxRoomsPerClient rooms one client may be a member of at once
 * @param emptyRoomGraceMillis an empty room (just created, or left by its last member) closes after this
 * @param inviteTtlMillis how long a room::invite lets the invitee enter without the password
 */
public record RoomSettings(int maxRooms, int maxMembers, int maxRoomsPerClient, long emptyRoomGraceMillis,
        long inviteTtlMillis) {

    public static final RoomSettings DEFAULTS = new RoomSettings(10_000, 200, 8, 60_000, 120_000);

    public RoomSettings {
        positive(maxRooms, "rooms.maxRooms");
        positive(maxMembers, "rooms.maxMembers");
        positive(maxRoomsPerClient, "rooms.maxRoomsPerClient");
        if (emptyRoomGraceMillis < 0) {
            throw new IllegalArgumentException("rooms.emptyRoomGraceMillis must be >= 0");
        }
        positive(inviteTtlMillis, "rooms.inviteTtlMillis");
    }

    private static void positive(long value, String key) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be > 0");
        }
    }
}
