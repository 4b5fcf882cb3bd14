package dev.hongyan.server.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Headers as the seam's records carry them. */
public final class RequestHeaders {

    private RequestHeaders() {}

    /** Lower-case names; repeated headers fold into one comma-separated value, as RFC 9110 allows for list headers. */
    public static Map<String, String> lowerCased(HttpHeaders headers) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, String> header : headers) {
            out.merge(header.getKey().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + "," + b);
        }
        return out;
    }
}
