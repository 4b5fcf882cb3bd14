package dev.hongyan.gateway.nativeprotocol.session;

import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.Require;
import java.util.Locale;
import java.util.Set;

/**
 * What the server reads of session::exchange: the session and the kind of message. The rest (sdp,
 * candidate) is relayed as sent, because clients disagree on its shape: Android writes the type in
 * upper case and puts a candidate's text under "sdp".
 */
record ExchangeBody(String sessionId, String type) {

    private static final Set<String> TYPES = Set.of("offer", "answer", "candidate");

    ExchangeBody {
        Require.text(sessionId, "sessionId", 64);
        Require.text(type, "type", 32);
        if (!TYPES.contains(type.toLowerCase(Locale.ROOT))) {
            throw CoreException.invalid("type must be offer, answer or candidate (any case), not \"" + type + "\"");
        }
    }
}
