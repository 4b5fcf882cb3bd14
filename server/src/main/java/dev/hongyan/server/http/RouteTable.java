package dev.hongyan.server.http;

import dev.hongyan.gateway.connection.HttpRoute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every HTTP route of every gateway, matched by method and path template. A linear scan: a process
 * serves tens of routes, and the scan allocates nothing for a miss.
 */
public final class RouteTable {

    private record Entry(String method, PathTemplate template, HttpRoute route) {}

    private final List<Entry> entries;

    /** Refuses malformed templates and two routes that would answer the same method and path. */
    public RouteTable(List<HttpRoute> routes) {
        List<Entry> list = new ArrayList<>();
        Map<String, HttpRoute> shapes = new HashMap<>();
        for (HttpRoute route : routes) {
            String method = route.method().toUpperCase(Locale.ROOT);
            PathTemplate template = PathTemplate.parse(route.pathTemplate());
            HttpRoute previous = shapes.putIfAbsent(method + " " + template.shape(), route);
            if (previous != null) {
                throw new IllegalArgumentException("HTTP routes " + method + " " + previous.pathTemplate() + " and "
                        + route.pathTemplate() + " match the same requests");
            }
            list.add(new Entry(method, template, route));
        }
        list.sort((a, b) -> PathTemplate.bySpecificity(a.template(), b.template()));
        this.entries = List.copyOf(list);
    }

    RouteMatch find(String method, String rawPath) {
        List<String> segments = Paths.splitDecoded(rawPath);
        Set<String> allowed = null;
        for (Entry entry : entries) {
            Map<String, String> params = entry.template().match(segments);
            if (params == null) {
                continue;
            }
            if (entry.method().equals(method)) {
                return new RouteMatch.Found(entry.route(), params);
            }
            if (allowed == null) {
                allowed = new TreeSet<>();
            }
            allowed.add(entry.method());
        }
        return allowed == null ? new RouteMatch.NotFound() : new RouteMatch.MethodNotAllowed(allowed);
    }
}
