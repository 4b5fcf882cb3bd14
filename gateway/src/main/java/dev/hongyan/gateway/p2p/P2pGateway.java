package dev.hongyan.gateway.p2p;

import dev.hongyan.gateway.connection.HttpRoute;
import dev.hongyan.gateway.connection.WebSocketEndpoint;
import java.util.List;

/**
 * The domain P2P protocol (spec 003): peers register a domain with {@code GET /ws/{domain}}, an offerer
 * sends {@code POST /offer}, the answerer answers on its socket. The server only routes; there is no
 * account, room or session state, and nothing of this reaches core.
 */
public final class P2pGateway {

    private final DomainDirectory directory = new DomainDirectory();
    private final P2pJson json = new P2pJson();
    private final DomainEndpoint endpoint = new DomainEndpoint(directory, json);
    private final OfferRoute offerRoute = new OfferRoute(directory, json);

    /** {@code /ws/*}. */
    public WebSocketEndpoint endpoint() {
        return endpoint;
    }

    /** {@code POST /offer}. */
    public List<HttpRoute> routes() {
        return List.of(offerRoute);
    }

    /** Domains registered now. */
    public int domainCount() {
        return directory.size();
    }
}
