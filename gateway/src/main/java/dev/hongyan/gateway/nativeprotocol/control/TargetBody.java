package dev.hongyan.gateway.nativeprotocol.control;

import dev.hongyan.core.error.Require;

/** control::photograph and control::wakeup: only the target. */
record TargetBody(String to) implements ControlBody {

    TargetBody {
        Require.text(to, "to", 64);
    }
}
