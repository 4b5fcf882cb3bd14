package dev.hongyan.core.room;

/**
 * The media side of a room (a router, local or on a media node), attached with
 * {@link RoomService#attachMedia}. Rooms work for pure signaling without one. Every method is called
 * on the room's executor, so an implementation may keep its per-room state unlocked too.
 */
public interface RoomMedia {

    /** A member left, was expelled or went offline: close everything it owns. */
    void memberLeft(String clientId);

    /** The ids of what {@code clientId} owns in the room. */
    MemberMediaIds mediaIds(String roomId, String clientId);

    /** The room is closing: close the router and all it holds. */
    void close();
}
