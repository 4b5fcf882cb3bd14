package dev.hongyan.media.ice;

import dev.hongyan.media.stun.StunAttribute;
import dev.hongyan.media.stun.StunAttribute.ErrorCode;
import dev.hongyan.media.stun.StunAttribute.IceControlled;
import dev.hongyan.media.stun.StunAttribute.UnknownAttributes;
import dev.hongyan.media.stun.StunAttribute.UseCandidate;
import dev.hongyan.media.stun.StunAttribute.Username;
import dev.hongyan.media.stun.StunAttribute.XorMappedAddress;
import dev.hongyan.media.stun.StunClass;
import dev.hongyan.media.stun.StunMessage;
import dev.hongyan.media.stun.StunParseException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers STUN Binding requests as an ICE-lite, controlled agent (RFC 8445 §7.3, RFC 8489 §6.3).
 *
 * <ul>
 *   <li>not a request, or a FINGERPRINT that does not match: dropped (it is not STUN for us);
 *   <li>not Binding, or no USERNAME / MESSAGE-INTEGRITY: 400, unsigned;
 *   <li>USERNAME's local part is no ufrag of ours: dropped. RFC 8489 would answer 401, but on a port shared
 *       by every transport an answer only tells scanners which ufrags exist, and nobody legitimate needs it;
 *   <li>MESSAGE-INTEGRITY wrong: 401, unsigned (we cannot prove who we are to someone we cannot verify);
 *   <li>unknown comprehension-required attribute: 420 with UNKNOWN-ATTRIBUTES, signed;
 *   <li>ICE-CONTROLLED: 487 Role Conflict, signed. A lite agent is always controlled (RFC 8445 §6.1.1), so the
 *       full peer must switch to controlling;
 *   <li>otherwise: the transport records the tuple (and USE-CANDIDATE) and we answer success with
 *       XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY and FINGERPRINT.
 * </ul>
 * Stateless apart from its collaborators; runs on the event loops.
 */
final class BindingHandler {

    private static final Logger log = LoggerFactory.getLogger(BindingHandler.class);

    private final IceRegistry registry;
    private final LongSupplier nanoClock;

    BindingHandler(IceRegistry registry, LongSupplier nanoClock) {
        this.registry = registry;
        this.nanoClock = nanoClock;
    }

    void handle(UdpSocket socket, byte[] datagram, InetSocketAddress from) {
        StunMessage request;
        try {
            request = StunMessage.parse(datagram);
        } catch (StunParseException e) {
            log.trace("dropped malformed STUN from {}: {}", from, e.getMessage());
            return;
        }
        if (request.messageClass() != StunClass.REQUEST) {
            return; // indications (keepalives) need no answer; we send no requests, so responses are stray
        }
        if (request.hasFingerprint() && !request.verifyFingerprint()) {
            return;
        }
        if (request.method() != StunMessage.METHOD_BINDING) {
            reply(socket, from, error(request, ErrorCode.BAD_REQUEST, "Bad Request"), null);
            return;
        }
        Username username = request.find(Username.class);
        int colon = username == null ? -1 : username.value().indexOf(':');
        if (colon <= 0 || !request.hasIntegrity()) {
            reply(socket, from, error(request, ErrorCode.BAD_REQUEST, "Bad Request"), null);
            return;
        }
        String localUfrag = username.value().substring(0, colon);
        IceTransport transport = registry.transportForUfrag(localUfrag);
        IceTransport.Credentials credentials = transport == null ? null : transport.credentials();
        if (credentials == null || !credentials.ufrag().equals(localUfrag)) {
            log.trace("dropped Binding for unknown ufrag {} from {}", localUfrag, from);
            return;
        }
        if (!request.verifyIntegrity(credentials.key())) {
            reply(socket, from, error(request, ErrorCode.UNAUTHORIZED, "Unauthorized"), null);
            return;
        }
        List<Integer> unknown = request.unknownComprehensionRequired();
        if (!unknown.isEmpty()) {
            reply(socket, from, message(request, StunClass.ERROR_RESPONSE, List.of(
                    new ErrorCode(ErrorCode.UNKNOWN_ATTRIBUTE, "Unknown Attribute"),
                    new UnknownAttributes(unknown))), credentials.key());
            return;
        }
        if (request.has(IceControlled.class)) {
            reply(socket, from, error(request, ErrorCode.ROLE_CONFLICT, "Role Conflict"), credentials.key());
            return;
        }
        boolean accepted = transport.onValidCheck(socket, from, request.has(UseCandidate.class), nanoClock.getAsLong());
        if (accepted) {
            reply(socket, from, message(request, StunClass.SUCCESS_RESPONSE,
                    List.of(new XorMappedAddress(from))), credentials.key());
        }
    }

    private static StunMessage error(StunMessage request, int code, String reason) {
        return message(request, StunClass.ERROR_RESPONSE, List.of(new ErrorCode(code, reason)));
    }

    private static StunMessage message(StunMessage request, StunClass cls, List<StunAttribute> attributes) {
        return StunMessage.of(cls, request.method(), request.transactionId(), attributes);
    }

    /** Every response carries FINGERPRINT (RFC 8445 §7.3 requires it); MESSAGE-INTEGRITY when we have a key. */
    private static void reply(UdpSocket socket, InetSocketAddress to, StunMessage response, byte[] key) {
        byte[] bytes = response.encode(key, true);
        socket.send(bytes, 0, bytes.length, to);
    }
}
