package dev.hongyan.media.dtls;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** A DTLS role as mediasoup spells it in {@code dtlsParameters.role}. */
public enum DtlsRole {
    AUTO, CLIENT, SERVER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DtlsRole fromWireName(String name) {
        for (DtlsRole role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown DTLS role: " + name);
    }

    /**
     * The role we take given the role the remote announced, as mediasoup's worker does: the opposite of a
     * definite remote role, and "client" when the remote says "auto". We are ICE-lite, hence always ICE
     * controlled, and RFC 7016/ORTC map "auto" to client for the controlled side; it also lets the
     * handshake start as soon as ICE is up instead of waiting for the remote's ClientHello.
     */
    public static DtlsRole localRoleFor(DtlsRole remoteRole) {
        return switch (remoteRole) {
            case CLIENT -> SERVER;
            case SERVER, AUTO -> CLIENT;
        };
    }
}
