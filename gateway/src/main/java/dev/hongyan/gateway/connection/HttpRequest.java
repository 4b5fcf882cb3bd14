package dev.hongyan.gateway.connection;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A complete HTTP request.
 *
 * @param pathParams values captured by the route's template
 * @param headers header names in lower case
 */
public record HttpRequest(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
        Map<String, String> headers, byte[] body, String remoteIp) {

    public HttpRequest {
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
