package dev.hongyan.core.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A terminal as others see it: identity plus its latest telemetry, flattened into one object (spec
 * 001's status object). Fields the terminal never reported are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientStatus(String ip, String name, String clientId, String clientType,
        @JsonUnwrapped Telemetry telemetry) {

    static ClientStatus of(Client client) {
        return new ClientStatus(client.ip(), client.name(), client.clientId(), client.type().name(), client.telemetry());
    }
}
