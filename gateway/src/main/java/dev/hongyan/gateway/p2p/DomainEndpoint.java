package dev.hongyan.gateway.p2p;

import dev.hongyan.gateway.connection.Connection;
import dev.hongyan.gateway.connection.HandshakeDecision;
import dev.hongyan.gateway.connection.HandshakeRequest;
import dev.hongyan.gateway.connection.WebSocketEndpoint;
import dev.hongyan.gateway.connection.WebSocketSession;

/**
 * {@code GET /ws/{domain}}: a peer registers under a domain for as long as its socket is open.
 *
 * <p>A domain already held is refused at the handshake with HTTP 409 and a text reason, so the
 * second peer learns it before it believes itself reachable (non-browser clients see the status and
 * reason; browsers only see the socket fail). If two upgrades for one domain race past the
 * handshake, the loser is accepted and then told in an error frame and closed with 4409.
 */
final class DomainEndpoint implements WebSocketEndpoint {

    static final String PATH = "/ws/*";
    private static final String PREFIX = "/ws/";

    private final DomainDirectory directory;
    private final P2pJson json;

    DomainEndpoint(DomainDirectory directory, P2pJson json) {
        this.directory = directory;
        this.json = json;
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public HandshakeDecision handshake(HandshakeRequest request) {
        String domain = domainOf(request);
        String problem = DomainName.problem(domain);
        if (problem != null) {
            return HandshakeDecision.reject(400, problem);
        }
        if (directory.isTaken(domain)) {
            return HandshakeDecision.reject(409, "domain \"" + domain + "\" is already registered by another socket");
        }
        return HandshakeDecision.ACCEPT;
    }

    @Override
    public WebSocketSession open(Connection connection, HandshakeRequest request) {
        String domain = domainOf(request);
        DomainSocket socket = new DomainSocket(domain, connection, directory, json);
        if (!directory.claim(domain, socket)) {
            // A session that never claimed the domain: its close must not release the holder's claim,
            // which DomainDirectory.release guarantees by comparing the socket.
            socket.refuseTakenDomain();
        }
        return socket;
    }

    private static String domainOf(HandshakeRequest request) {
        String path = request.path();
        return path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
    }
}
