package dev.hongyan.gateway.nativeprotocol.control;

import dev.hongyan.core.error.Require;

/**
 * control::config::audio: the target's audio capture settings (MediaAudioProperties). Every setting
 * is optional (the device keeps its default); unknown fields are relayed too, so newer devices can
 * take settings this server does not know.
 */
record AudioConfigBody(String to, String format, Integer sampleSize, Integer sampleRate, Integer channelCount,
        Integer bitrate) implements ControlBody {

    AudioConfigBody {
        Require.text(to, "to", 64);
        Require.optionalText(format, "format", 32);
        Require.range(sampleSize, "sampleSize", 8, 32);
        Require.range(sampleRate, "sampleRate", 8_000, 192_000);
        Require.range(channelCount, "channelCount", 1, 8);
        Require.range(bitrate, "bitrate", 1, 10_000_000);
    }
}
