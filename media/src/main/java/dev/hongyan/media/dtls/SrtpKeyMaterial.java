package dev.hongyan.media.dtls;

import dev.hongyan.media.srtp.SrtpProfile;

import java.util.Arrays;
import java.util.Objects;

/**
 * SRTP master keys and salts derived from the DTLS exporter (RFC 5764 §4.2). "local" protects what we send,
 * "remote" unprotects what we receive. Arrays are defensively copied; toString never shows key bytes.
 */
public record SrtpKeyMaterial(
        SrtpProfile profile,
        byte[] localMasterKey,
        byte[] localMasterSalt,
        byte[] remoteMasterKey,
        byte[] remoteMasterSalt) {

    /** The exporter label of RFC 5764 §4.2. */
    static final String EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";

    public SrtpKeyMaterial {
        Objects.requireNonNull(profile, "profile");
        localMasterKey = checked(localMasterKey, profile.keyLength(), "localMasterKey");
        localMasterSalt = checked(localMasterSalt, profile.saltLength(), "localMasterSalt");
        remoteMasterKey = checked(remoteMasterKey, profile.keyLength(), "remoteMasterKey");
        remoteMasterSalt = checked(remoteMasterSalt, profile.saltLength(), "remoteMasterSalt");
    }

    /** Bytes the exporter must produce for {@code profile}: two keys and two salts. */
    static int exporterLength(SrtpProfile profile) {
        return profile.exporterLength();
    }

    /**
     * Splits exporter output laid out as client_write_key | server_write_key | client_write_salt |
     * server_write_salt; the client's write keys are our local keys when we are the DTLS client.
     */
    /**
     * Exports the DTLS-SRTP keying material (RFC 5764 §4.2) for our role. bctls allows this only from
     * inside notifyHandshakeComplete, which is where both peers call it.
     */
    static SrtpKeyMaterial export(org.bouncycastle.tls.TlsContext context, SrtpProfile profile) {
        byte[] exported = context.exportKeyingMaterial(EXPORTER_LABEL, null, exporterLength(profile));
        return fromExporter(profile, exported, !context.isServer());
    }

    static SrtpKeyMaterial fromExporter(SrtpProfile profile, byte[] exported, boolean weAreClient) {
        int keyLen = profile.keyLength();
        int saltLen = profile.saltLength();
        if (exported.length != exporterLength(profile)) {
            throw new IllegalArgumentException("exporter output has " + exported.length + " bytes");
        }
        byte[] clientKey = Arrays.copyOfRange(exported, 0, keyLen);
        byte[] serverKey = Arrays.copyOfRange(exported, keyLen, 2 * keyLen);
        byte[] clientSalt = Arrays.copyOfRange(exported, 2 * keyLen, 2 * keyLen + saltLen);
        byte[] serverSalt = Arrays.copyOfRange(exported, 2 * keyLen + saltLen, 2 * keyLen + 2 * saltLen);
        return weAreClient
                ? new SrtpKeyMaterial(profile, clientKey, clientSalt, serverKey, serverSalt)
                : new SrtpKeyMaterial(profile, serverKey, serverSalt, clientKey, clientSalt);
    }

    @Override
    public byte[] localMasterKey() {
        return localMasterKey.clone();
    }

    @Override
    public byte[] localMasterSalt() {
        return localMasterSalt.clone();
    }

    @Override
    public byte[] remoteMasterKey() {
        return remoteMasterKey.clone();
    }

    @Override
    public byte[] remoteMasterSalt() {
        return remoteMasterSalt.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpKeyMaterial other
                && profile == other.profile
                && Arrays.equals(localMasterKey, other.localMasterKey)
                && Arrays.equals(localMasterSalt, other.localMasterSalt)
                && Arrays.equals(remoteMasterKey, other.remoteMasterKey)
                && Arrays.equals(remoteMasterSalt, other.remoteMasterSalt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, Arrays.hashCode(localMasterKey), Arrays.hashCode(remoteMasterKey));
    }

    @Override
    public String toString() {
        return "SrtpKeyMaterial[profile=" + profile + ", keys=<redacted>]";
    }

    private static byte[] checked(byte[] bytes, int length, String name) {
        Objects.requireNonNull(bytes, name);
        if (bytes.length != length) {
            throw new IllegalArgumentException(name + " must have " + length + " bytes, has " + bytes.length);
        }
        return bytes.clone();
    }
}
