package dev.hongyan.gateway.nativeprotocol.client;

import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.Require;

/** client::alarm's body. */
public record AlarmBody(String message, String datetime) {

    public AlarmBody {
        Require.text(message, "message", 4096);
        if (datetime != null && !datetime.matches("\\d{14}")) {
            throw CoreException.invalid("datetime must be yyyyMMddHHmmss");
        }
    }
}
