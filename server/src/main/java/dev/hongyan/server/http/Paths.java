package dev.hongyan.server.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits and decodes request paths segment by segment, so an encoded "/" (%2F) stays inside its segment. */
final class Paths {

    private Paths() {}

    /** "/a/b" -> [a, b]; "/" -> [""]; "/a/" -> [a, ""]. Not decoded. */
    static List<String> split(String rawPath) {
        List<String> segments = new ArrayList<>();
        int start = 1;
        while (true) {
            int slash = rawPath.indexOf('/', start);
            if (slash < 0) {
                segments.add(rawPath.substring(start));
                return segments;
            }
            segments.add(rawPath.substring(start, slash));
            start = slash + 1;
        }
    }

    static List<String> splitDecoded(String rawPath) {
        List<String> raw = split(rawPath);
        List<String> decoded = new ArrayList<>(raw.size());
        for (String segment : raw) {
            decoded.add(decodeSegment(segment));
        }
        return decoded;
    }

    /** Percent-decoding for a path: unlike a query, "+" is a plus sign here. */
    static String decodeSegment(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        return QueryStringDecoder.decodeComponent(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
