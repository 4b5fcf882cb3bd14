package dev.hongyan.media;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * mediasoup's {@code ConsumerLayers}: {@code {spatialLayer, temporalLayer?}}. For simulcast the spatial
 * layer is the encoding index (0 = lowest); temporal layers come from VP8's TID.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsumerLayers(int spatialLayer, Integer temporalLayer) {

    public ConsumerLayers {
        if (spatialLayer < 0 || (temporalLayer != null && temporalLayer < 0)) {
            throw new IllegalArgumentException("layers must not be negative");
        }
    }
}
