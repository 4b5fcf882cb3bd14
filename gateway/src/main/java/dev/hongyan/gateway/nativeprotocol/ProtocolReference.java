package dev.hongyan.gateway.nativeprotocol;

import dev.hongyan.core.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders {@code docs/protocol.md} from the handlers' own {@link SignalSpec}s. A test fails when the
 * committed file differs from what this produces, so the reference cannot go stale.
 */
public final class ProtocolReference {

    private ProtocolReference() {}

    public static String markdown(SignalRegistry registry) {
        StringBuilder out = new StringBuilder();
        out.append("# Native signaling protocol reference\n\n");
        out.append("<!-- Generated from the signal handlers' descriptions by ProtocolReference. "
                + "Do not edit: run `./hongyan docs`. -->\n\n");
        out.append("""
                WebSocket endpoint: `ws[s]://HOST:PORT/websocket.signal` (spec 001). Every message is one JSON text frame:

                ```
                {
                    "code"   : "status code (responses and errors)",
                    "message": "status text (responses and errors)",
                    "header" : {"v": "protocol version", "id": message id, "signal": "signal name"},
                    "body"   : {...}
                }
                ```

                - **Ids** are 16-digit integers below 2^53: `ddHHmmss` + an 8-digit suffix. Server ids use the suffix
                  `SS` + a 6-digit counter (00000000–09999999); a client uses the `index` (10000–99999) answered by
                  `client::register` + a 3-digit counter of its own, so the two never collide.
                - **Requests and replies**: a reply carries the request's `header.id` and `signal` with `code` `"0000"`.
                  A refused request is answered by `platform::error` carrying the request's `header.id`, the error code
                  and a message, and `body.signal` naming the refused signal. The connection stays open.
                - **Server requests** (relays such as `client::reboot` or `control::*`) carry a server id; the terminal
                  answers with the same id and signal.
                - **Flow notation**: `->` one-way, `=>` request answered along the same path, `-)` to everyone but the
                  sender, `+)` to everyone including the sender.
                - **Access**: `anonymous` (before register), `client` (registered), `admin` (an admin account),
                  `server only` (clients may not send it: 3405).

                """);
        out.append("## Error codes\n\n| code | meaning |\n|---|---|\n");
        for (ErrorCode code : ErrorCode.values()) {
            out.append("| `").append(code.code()).append("` | ").append(code.defaultMessage()).append(" |\n");
        }
        out.append("\n## Signals\n\n");
        Map<String, List<SignalHandler<?>>> groups = registry.all().stream()
                .collect(Collectors.groupingBy(h -> group(h.spec().signal()), LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<SignalHandler<?>>> group : groups.entrySet()) {
            out.append("| `").append(group.getKey()).append("` | ");
            out.append(group.getValue().stream().map(h -> "[`" + h.spec().signal() + "`](#" + anchor(h.spec().signal()) + ")")
                    .collect(Collectors.joining(" ")));
            out.append(" |\n");
        }
        out.append('\n');
        for (SignalHandler<?> handler : registry.all()) {
            SignalSpec<?> spec = handler.spec();
            out.append("### ").append(spec.signal()).append("\n\n");
            out.append(spec.summary()).append("\n\n");
            out.append("Access: ").append(access(spec.access())).append("\n\n");
            if (!spec.body().isBlank()) {
                out.append("Body:\n\n```\n").append(spec.body().strip()).append("\n```\n\n");
            }
            if (!spec.reply().isBlank()) {
                out.append("Reply or delivery:\n\n```\n").append(spec.reply().strip()).append("\n```\n\n");
            }
            out.append("Flow:\n\n```\n").append(spec.flow().strip()).append("\n```\n\n");
            if (!spec.notes().isBlank()) {
                out.append(spec.notes().strip()).append("\n\n");
            }
        }
        return out.toString();
    }

    private static String group(String signal) {
        int end = signal.indexOf("::");
        return end < 0 ? signal : signal.substring(0, end);
    }

    private static String anchor(String signal) {
        return signal.replace("::", "").replace(":", "");
    }

    private static String access(Access access) {
        return switch (access) {
            case ANONYMOUS -> "anonymous";
            case CLIENT -> "client";
            case ADMIN -> "admin";
            case SERVER_ONLY -> "server only";
        };
    }
}
