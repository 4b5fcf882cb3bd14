package dev.hongyan.gateway.nativeprotocol.client;

import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.Require;
import java.util.regex.Pattern;

/** client::alarm's body. */
public record AlarmBody(String message, String datetime) {

    private static final Pattern DATETIME = Pattern.compile("\\d{14}");

    public AlarmBody {
        Require.text(message, "message", 4096);
        if (datetime != null && !DATETIME.matcher(datetime).matches()) {
            throw CoreException.invalid("datetime must be yyyyMMddHHmmss");
        }
    }
}
