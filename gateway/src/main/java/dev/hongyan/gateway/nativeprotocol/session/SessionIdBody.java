package dev.hongyan.gateway.nativeprotocol.session;

import dev.hongyan.core.error.Require;

/** session::close's body. */
record SessionIdBody(String sessionId) {

    SessionIdBody {
        Require.text(sessionId, "sessionId", 64);
    }
}
