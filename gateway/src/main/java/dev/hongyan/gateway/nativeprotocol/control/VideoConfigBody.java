package dev.hongyan.gateway.nativeprotocol.control;

import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.Require;
import java.util.regex.Pattern;

/**
 * control::config::video: the target's video capture settings (MediaVideoProperties). Every setting
 * is optional; unknown fields are relayed too.
 */
record VideoConfigBody(String to, String format, Integer bitrate, Integer frameRate, String resolution, Integer width,
        Integer height) implements ControlBody {

    private static final Pattern RESOLUTION = Pattern.compile("\\d{1,5}[*xX]\\d{1,5}");

    VideoConfigBody {
        Require.text(to, "to", 64);
        Require.optionalText(format, "format", 32);
        Require.range(bitrate, "bitrate", 1, 100_000_000);
        Require.range(frameRate, "frameRate", 1, 240);
        Require.range(width, "width", 1, 8192);
        Require.range(height, "height", 1, 8192);
        if (resolution != null && !RESOLUTION.matcher(resolution).matches()) {
            throw CoreException.invalid("resolution must be WIDTH*HEIGHT, e.g. 1280*720");
        }
    }
}
