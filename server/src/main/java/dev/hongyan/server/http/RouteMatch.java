package dev.hongyan.server.http;

import dev.hongyan.gateway.connection.HttpRoute;
import java.util.Map;
import java.util.Set;

/** The outcome of looking a request up in the {@link RouteTable}. */
sealed interface RouteMatch {

    record Found(HttpRoute route, Map<String, String> params) implements RouteMatch {}

    /** The path exists under other methods. */
    record MethodNotAllowed(Set<String> allowed) implements RouteMatch {}

    record NotFound() implements RouteMatch {}
}
