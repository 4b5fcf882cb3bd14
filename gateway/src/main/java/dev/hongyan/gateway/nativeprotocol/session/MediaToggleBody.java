package dev.hongyan.gateway.nativeprotocol.session;

import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.Require;
import java.util.Locale;
import java.util.Set;

/**
 * session::pause / session::resume: which media of the sender stops or starts again. The spec writes
 * "audio|voice" (a typo for audio|video per the reference); all three words are accepted.
 */
record MediaToggleBody(String sessionId, String type) {

    private static final Set<String> TYPES = Set.of("audio", "video", "voice");

    MediaToggleBody {
        Require.text(sessionId, "sessionId", 64);
        Require.text(type, "type", 32);
        if (!TYPES.contains(type.toLowerCase(Locale.ROOT))) {
            throw CoreException.invalid("type must be audio, video or voice, not \"" + type + "\"");
        }
    }
}
