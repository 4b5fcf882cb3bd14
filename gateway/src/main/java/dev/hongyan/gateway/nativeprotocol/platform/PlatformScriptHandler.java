package dev.hongyan.gateway.nativeprotocol.platform;

import dev.hongyan.core.platform.PlatformControl;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;
import java.util.Map;

/** platform::script: runs one of the scripts named in configuration. */
public final class PlatformScriptHandler implements SignalHandler<ScriptBody> {

    private static final SignalSpec<ScriptBody> SPEC = new SignalSpec<>("platform::script", ScriptBody.class, Access.ADMIN,
            "Runs a named script from platform.scripts and returns its output.",
            "{\"script\": \"script name (a key of platform.scripts)\"}",
            "{\"result\": \"the script's output (at most 64 KiB)\"}",
            "terminal=>server",
            "Never a command line from the client: only names from configuration. Disabled unless platform.enabled: 3503. "
                    + "Non-admins: 3403. Unknown name: 3404. Non-zero exit: 3500. Over platform.commandTimeoutMillis: 2001.");

    private final PlatformControl platform;

    public PlatformScriptHandler(PlatformControl platform) {
        this.platform = platform;
    }

    @Override
    public SignalSpec<ScriptBody> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, ScriptBody body) {
        platform.requireEnabled(SPEC.signal());
        platform.runScript(body.script()).whenComplete((result, failure) -> {
            if (failure != null) {
                context.fail(failure);
            } else {
                context.reply(Map.of("result", result));
            }
        });
    }
}
