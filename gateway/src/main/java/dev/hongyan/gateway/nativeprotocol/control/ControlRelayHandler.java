package dev.hongyan.gateway.nativeprotocol.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.core.client.Client;
import dev.hongyan.core.client.Notification;
import dev.hongyan.core.control.ControlPolicy;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;
import java.time.Duration;

/**
 * The control::* signals: a terminal (or admin console) asks a device to ring, record, reconfigure,
 * take a photo or wake up. One instance per signal; they differ only in body and documentation. The
 * server relays the request to the device as its own request and answers the caller, under the
 * caller's request id, with the device's answer, without any thread waiting for it.
 */
public final class ControlRelayHandler<B extends ControlBody> implements SignalHandler<B> {

    private static final String FLOW = """
            terminal=>server=>terminal
            (the caller's request is answered with the target's answer)""";

    private static final String RULES = """
            The target receives the body without "to" and with "from" set to the caller's clientId (overwriting any
            "from" the caller sent), as a server request with a server id; it must answer with that id and signal.
            Its answer body is the caller's reply. Only admins, or clients of the same account as the target, may
            control it: 3403. Missing or empty "to", a wrong field type or an out-of-range setting: 1003. Targeting
            oneself: 1003. Target not online: 3404. No answer within signal.requestTimeoutMillis: 2001. The target
            disconnecting before answering: 2002. The target answering with an error code: 2003.""";

    private final SignalSpec<B> spec;
    private final ControlPolicy policy;
    private final Duration timeout;

    private ControlRelayHandler(SignalSpec<B> spec, ControlPolicy policy, Duration timeout) {
        this.spec = spec;
        this.policy = policy;
        this.timeout = timeout;
    }

    public static ControlRelayHandler<?> bell(ControlPolicy policy, Duration timeout) {
        return new ControlRelayHandler<>(spec("control::bell", SwitchBody.class, "Rings (or stops ringing) the target's bell.",
                """
                {
                    "to"     : "target terminal id",
                    "enabled": ring (true|false)
                }""",
                "the target's answer body, e.g. {\"enabled\": true|false}"), policy, timeout);
    }

    public static ControlRelayHandler<?> clientRecord(ControlPolicy policy, Duration timeout) {
        return new ControlRelayHandler<>(spec("control::client::record", SwitchBody.class,
                "Starts or stops recording on the target terminal itself.",
                """
                {
                    "to"     : "target terminal id",
                    "enabled": record (true|false)
                }""",
                """
                the target's answer body:
                {
                    "enabled" : recording (true|false),
                    "filepath": "video file path on the target"
                }"""), policy, timeout);
    }

    public static ControlRelayHandler<?> configAudio(ControlPolicy policy, Duration timeout) {
        return new ControlRelayHandler<>(spec("control::config::audio", AudioConfigBody.class,
                "Reconfigures the target's audio capture; settings left out keep the device's defaults.",
                """
                {
                    "to"          : "target terminal id",
                    "format"      : "codec or sample format (optional)",
                    "sampleSize"  : bits per sample 8-32 (optional),
                    "sampleRate"  : Hz 8000-192000 (optional),
                    "channelCount": 1-8 (optional),
                    "bitrate"     : bit/s (optional),
                    ...more MediaAudioProperties, relayed unchecked
                }""",
                "the target's answer body"), policy, timeout);
    }

    public static ControlRelayHandler<?> configVideo(ControlPolicy policy, Duration timeout) {
        return new ControlRelayHandler<>(spec("control::config::video", VideoConfigBody.class,
                "Reconfigures the target's video capture; settings left out keep the device's defaults.",
                """
                {
                    "to"        : "target terminal id",
                    "format"    : "codec, e.g. VP8|VP9|H264 (optional)",
                    "bitrate"   : bit/s (optional),
                    "frameRate" : 1-240 (optional),
                    "resolution": "WIDTH*HEIGHT, e.g. 1280*720 (optional)",
                    "width"     : 1-8192 (optional),
                    "height"    : 1-8192 (optional),
                    ...more MediaVideoProperties, relayed unchecked
                }""",
                "the target's answer body"), policy, timeout);
    }

    public static ControlRelayHandler<?> photograph(ControlPolicy policy, Duration timeout) {
        return new ControlRelayHandler<>(spec("control::photograph", TargetBody.class, "Makes the target take a photo.",
                "{\"to\": \"target terminal id\"}",
                "the target's answer body: {\"filepath\": \"image file path on the target\"}"), policy, timeout);
    }

    public static ControlRelayHandler<?> wakeup(ControlPolicy policy, Duration timeout) {
        return new ControlRelayHandler<>(spec("control::wakeup", TargetBody.class, "Wakes the target up.",
                "{\"to\": \"target terminal id\"}",
                "the target's answer body"), policy, timeout);
    }

    private static <B extends ControlBody> SignalSpec<B> spec(String signal, Class<B> bodyType, String summary, String body,
            String reply) {
        return new SignalSpec<>(signal, bodyType, Access.CLIENT, summary, body, reply, FLOW, RULES);
    }

    @Override
    public SignalSpec<B> spec() {
        return spec;
    }

    @Override
    public void handle(SignalContext context, B body) {
        Client caller = context.client();
        Client target = policy.authorize(caller, body.to());
        ObjectNode relayed = context.rawBody().deepCopy();
        relayed.remove("to");
        // Set by the server, never taken from the caller: the device decides what to obey by who asks.
        relayed.put("from", caller.clientId());
        context.replyWhenDone(target.endpoint().request(Notification.of(spec.signal(), relayed), timeout));
    }
}
