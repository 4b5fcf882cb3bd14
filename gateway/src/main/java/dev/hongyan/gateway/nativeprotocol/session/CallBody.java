package dev.hongyan.gateway.nativeprotocol.session;

import dev.hongyan.core.error.Require;

/** session::call's body: whom to call and what media the call is for (both by default). */
record CallBody(String clientId, Boolean audio, Boolean video) {

    CallBody {
        Require.text(clientId, "clientId", 64);
        audio = audio == null || audio;
        video = video == null || video;
    }
}
