package dev.hongyan.gateway.nativeprotocol.room;

import dev.hongyan.core.room.RoomService;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** room::client::list::id: the ids of the media objects a member owns in a room. */
public final class RoomClientListIdHandler implements SignalHandler<MediaIdsBody> {

    private static final SignalSpec<MediaIdsBody> SPEC = new SignalSpec<>("room::client::list::id", MediaIdsBody.class,
            Access.CLIENT,
            "Lists the ids of the producers, consumers, data producers and data consumers a member owns in a room.",
            """
            {
                "roomId"  : "room id",
                "clientId": "member id (optional: the sender)"
            }""",
            """
            {
                "roomId"        : "room id",
                "clientId"      : "member id",
                "dataProducers" : ["data producer id", ...],
                "dataConsumers" : ["data consumer id", ...],
                "audioProducers": ["audio producer id", ...],
                "videoProducers": ["video producer id", ...],
                "audioConsumers": ["audio consumer id", ...],
                "videoConsumers": ["video consumer id", ...]
            }""",
            "terminal=>server",
            """
            Every list is empty while the room has no media attached. Members and admins only: 3403 otherwise.
            The member not in the room, or no such room: 3404.""");

    private final RoomService rooms;

    public RoomClientListIdHandler(RoomService rooms) {
        this.rooms = rooms;
    }

    @Override
    public SignalSpec<MediaIdsBody> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, MediaIdsBody body) {
        Answers.reply(context, rooms.mediaIds(context.client(), body.roomId(), body.clientId()), ids -> ids);
    }
}
