package dev.hongyan.server.websocket;

import dev.hongyan.gateway.connection.WebSocketEndpoint;
import dev.hongyan.server.metrics.ServerMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the endpoint for an upgrade path: an exact path first, then the longest {@code /x/*} prefix,
 * then the {@code /} fallback, which takes every path nobody else claims (protoo clients connect anywhere).
 */
final class EndpointRouter {

    private final Map<String, Mount> exact = new HashMap<>();
    private final List<Mount> prefixes = new ArrayList<>(); // longest first
    private final Mount fallback;
    private final List<Mount> all = new ArrayList<>();

    EndpointRouter(List<WebSocketEndpoint> endpoints, ServerMetrics metrics) {
        Mount root = null;
        Map<String, WebSocketEndpoint> seen = new HashMap<>();
        for (WebSocketEndpoint endpoint : endpoints) {
            String path = endpoint.path();
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("WebSocket endpoint path must start with '/': " + path);
            }
            WebSocketEndpoint previous = seen.putIfAbsent(path, endpoint);
            if (previous != null) {
                throw new IllegalArgumentException("two WebSocket endpoints on " + path + ": " + previous + " and " + endpoint);
            }
            Mount mount = new Mount(endpoint, path, metrics.connectionGauge(path));
            all.add(mount);
            if (path.equals("/")) {
                root = mount;
            } else if (path.endsWith("/*")) {
                prefixes.add(mount);
            } else {
                exact.put(path, mount);
            }
        }
        prefixes.sort(Comparator.comparingInt((Mount m) -> m.path().length()).reversed());
        this.fallback = root;
    }

    /** The endpoint for a decoded path, or null when none claims it and there is no fallback. */
    Mount select(String path) {
        Mount mount = exact.get(path);
        if (mount != null) {
            return mount;
        }
        for (Mount prefix : prefixes) {
            String stem = prefix.path().substring(0, prefix.path().length() - 1); // keep the trailing "/"
            if (path.startsWith(stem)) {
                return prefix;
            }
        }
        return fallback;
    }

    List<Mount> all() {
        return all;
    }
}
