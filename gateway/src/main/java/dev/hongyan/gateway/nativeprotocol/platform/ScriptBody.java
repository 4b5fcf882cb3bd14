package dev.hongyan.gateway.nativeprotocol.platform;

import dev.hongyan.core.error.Require;

/** platform::script's body: the name of a configured script. */
public record ScriptBody(String script) {

    public ScriptBody {
        Require.text(script, "script", 64);
    }
}
