package dev.hongyan.gateway.nativeprotocol.control;

import dev.hongyan.core.error.Require;

/** control::bell and control::client::record: turn something on the target on or off. */
record SwitchBody(String to, Boolean enabled) implements ControlBody {

    SwitchBody {
        Require.text(to, "to", 64);
        Require.present(enabled, "enabled");
    }
}
