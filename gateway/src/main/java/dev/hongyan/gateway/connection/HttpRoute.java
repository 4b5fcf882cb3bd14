package dev.hongyan.gateway.connection;

import java.util.concurrent.CompletionStage;

/**
 * A plain HTTP endpoint of a gateway (REST APIs, the domain P2P offer). The server matches method
 * and path template; the handler must not block.
 */
public interface HttpRoute {

    /** GET, POST, PUT, DELETE... */
    String method();

    /** A path template such as {@code /rooms/{roomId}/broadcasters/{peerId}}. */
    String pathTemplate();

    CompletionStage<HttpResponse> handle(HttpRequest request);
}
