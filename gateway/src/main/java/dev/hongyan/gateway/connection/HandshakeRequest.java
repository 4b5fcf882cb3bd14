package dev.hongyan.gateway.connection;

import java.util.List;
import java.util.Map;

/**
 * The HTTP request that asks for a WebSocket upgrade.
 *
 * @param path decoded path without the query
 * @param query decoded query parameters in order of appearance
 * @param headers header names in lower case
 */
public record HandshakeRequest(String path, Map<String, List<String>> query, Map<String, String> headers, String remoteIp) {

    public HandshakeRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** The first value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
