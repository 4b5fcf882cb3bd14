package dev.hongyan.gateway.p2p;

import dev.hongyan.gateway.connection.HttpRoute;
import dev.hongyan.gateway.connection.WebSocketEndpoint;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The domain P2P protocol (spec 003): peers register a domain with {@code GET /ws/{domain}}, an offerer
 * sends {@code POST /offer}, the answerer answers on its socket. The server only routes; there is no
 * account, room or session state, and nothing of this reaches core.
 */
public final class P2pGateway {

    private final DomainDirectory directory;
    private final P2pJson json = new P2pJson();
    private final DomainEndpoint endpoint;
    private final OfferRoute offerRoute;

    public P2pGateway() {
        this(System::nanoTime);
    }

    /** @param nanoClock {@link System#nanoTime()}, or a test's clock (unanswered offers expire by it) */
    P2pGateway(LongSupplier nanoClock) {
        directory = new DomainDirectory(nanoClock);
        endpoint = new DomainEndpoint(directory, json);
        offerRoute = new OfferRoute(directory, json);
    }

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
