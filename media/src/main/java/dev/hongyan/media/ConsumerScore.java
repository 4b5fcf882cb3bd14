package dev.hongyan.media;

import java.util.List;

/**
 * mediasoup's consumer score {@code {score, producerScore, producerScores}}: {@code score} is the
 * sending side (loss reported by the receiver), {@code producerScore} that of the stream currently
 * forwarded, {@code producerScores} every producer stream's.
 */
public record ConsumerScore(int score, int producerScore, List<Integer> producerScores) {

    public ConsumerScore {
        producerScores = List.copyOf(producerScores);
    }

    static ConsumerScore initial(int streams) {
        return new ConsumerScore(10, 0, java.util.Collections.nCopies(streams, 0));
    }
}
