package dev.hongyan.gateway.nativeprotocol.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.hongyan.core.client.ClientType;

/** A body whose only field is an optional {@code clientType} filter. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientTypeFilter(String clientType) {

    public ClientTypeFilter {
        if (clientType != null) {
            ClientType.parse(clientType, "clientType");
        }
    }

    ClientType type() {
        return clientType == null ? null : ClientType.parse(clientType, "clientType");
    }
}
