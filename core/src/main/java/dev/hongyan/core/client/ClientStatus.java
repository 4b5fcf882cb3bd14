package dev.hongyan.core.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;
import java.util.function.Function;

/**
 * A terminal as others see it: identity plus its latest telemetry, flattened into one object (spec
 * 001's status object). Fields the terminal never reported are left out.
 *
 * <p>Immutable, and a client builds a new one only when its telemetry changes, so the same status is
 * listed to many members and many times over: its first render is cached here, as a notification's
 * is. A final class rather than a record because a record cannot hold that cache.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"ip", "name", "clientId", "clientType", "telemetry"})
public final class ClientStatus {

    private final String ip;
    private final String name;
    private final String clientId;
    private final String clientType;
    private final Telemetry telemetry;
    private final RenderedText rendered = new RenderedText();

    public ClientStatus(String ip, String name, String clientId, String clientType, Telemetry telemetry) {
        this.ip = ip;
        this.name = name;
        this.clientId = clientId;
        this.clientType = clientType;
        this.telemetry = telemetry;
    }

    @JsonProperty
    public String ip() {
        return ip;
    }

    @JsonProperty
    public String name() {
        return name;
    }

    @JsonProperty
    public String clientId() {
        return clientId;
    }

    @JsonProperty
    public String clientType() {
        return clientType;
    }

    @JsonProperty
    @JsonUnwrapped
    public Telemetry telemetry() {
        return telemetry;
    }

    /** The text {@code renderer} makes of this status, computed once per renderer. */
    public String render(Object renderer, Function<ClientStatus, String> render) {
        return rendered.get(renderer, () -> render.apply(this));
    }

    // Value semantics as the record had; the cached text is derived and takes no part.
    @Override
    public boolean equals(Object other) {
        return other instanceof ClientStatus that && Objects.equals(ip, that.ip) && Objects.equals(name, that.name)
                && Objects.equals(clientId, that.clientId) && Objects.equals(clientType, that.clientType)
                && Objects.equals(telemetry, that.telemetry);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ip, name, clientId, clientType, telemetry);
    }

    @Override
    public String toString() {
        return "ClientStatus[ip=" + ip + ", name=" + name + ", clientId=" + clientId + ", clientType=" + clientType
                + ", telemetry=" + telemetry + "]";
    }
}
