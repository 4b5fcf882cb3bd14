package dev.hongyan.media;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of mediasoup's producer score list: {@code {encodingIdx, ssrc, rid?, score}}, score 0..10
 * computed from the stream's loss (10 = no loss).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProducerScore(int encodingIdx, long ssrc, String rid, int score) {
}
