package dev.hongyan.core.room;

import java.util.List;

/** The media objects one member owns in a room (room::client::list::id). Empty until media is attached. */
public record MemberMediaIds(String roomId, String clientId, List<String> dataProducers, List<String> dataConsumers,
        List<String> audioProducers, List<String> videoProducers, List<String> audioConsumers,
        List<String> videoConsumers) {

    public MemberMediaIds {
        dataProducers = List.copyOf(dataProducers);
        dataConsumers = List.copyOf(dataConsumers);
        audioProducers = List.copyOf(audioProducers);
        videoProducers = List.copyOf(videoProducers);
        audioConsumers = List.copyOf(audioConsumers);
        videoConsumers = List.copyOf(videoConsumers);
    }

    public static MemberMediaIds none(String roomId, String clientId) {
        return new MemberMediaIds(roomId, clientId, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
