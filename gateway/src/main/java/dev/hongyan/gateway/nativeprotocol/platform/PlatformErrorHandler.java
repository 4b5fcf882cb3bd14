package dev.hongyan.gateway.nativeprotocol.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * platform::error: how the server reports every refusal (echoing the request id), and how a terminal
 * reports an error of its own to the server.
 */
public final class PlatformErrorHandler implements SignalHandler<ObjectNode> {

    private static final Logger log = LoggerFactory.getLogger(PlatformErrorHandler.class);

    private static final SignalSpec<ObjectNode> SPEC = new SignalSpec<>("platform::error", ObjectNode.class, Access.CLIENT,
            "Errors. From the server: the answer to a refused request, with the request's header.id, an error "
                    + "code and message. From a terminal: an error report, logged by the server.",
            "{...} (terminal's report)",
            "{\"signal\": \"the refused request's signal\"} with code and message set (server to terminal)",
            """
            terminal=>server
            server->terminal""",
            "See the error code table. A terminal's report gets no answer.");

    @Override
    public SignalSpec<ObjectNode> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, ObjectNode body) {
        String text = body.toString();
        log.warn("terminal {} reports an error: {}", context.client().clientId(),
                text.length() > 1000 ? text.substring(0, 1000) + "…" : text);
    }
}
