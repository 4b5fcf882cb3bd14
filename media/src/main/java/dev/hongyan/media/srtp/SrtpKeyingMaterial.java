package dev.hongyan.media.srtp;

/**
 * The two directions' master keys taken from the DTLS-SRTP exporter output (RFC 5764 §4.2), whose
 * layout is {@code client_write_key | server_write_key | client_write_salt | server_write_salt}.
 */
public record SrtpKeyingMaterial(SrtpProfile profile, SrtpMasterKey client, SrtpMasterKey server) {

    /** The exporter label RFC 5764 §4.2 fixes. */
    public static final String EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";

    /** Splits exporter output; its length must be {@link SrtpProfile#exporterLength()}. */
    public static SrtpKeyingMaterial split(SrtpProfile profile, byte[] exported) {
        int k = profile.keyLength();
        int s = profile.saltLength();
        if (exported.length != profile.exporterLength()) {
            throw new IllegalArgumentException(profile + " needs " + profile.exporterLength()
                    + " bytes of exporter output, got " + exported.length);
        }
        byte[] clientKey = new byte[k];
        byte[] serverKey = new byte[k];
        byte[] clientSalt = new byte[s];
        byte[] serverSalt = new byte[s];
        System.arraycopy(exported, 0, clientKey, 0, k);
        System.arraycopy(exported, k, serverKey, 0, k);
        System.arraycopy(exported, 2 * k, clientSalt, 0, s);
        System.arraycopy(exported, 2 * k + s, serverSalt, 0, s);
        return new SrtpKeyingMaterial(profile, new SrtpMasterKey(clientKey, clientSalt),
                new SrtpMasterKey(serverKey, serverSalt));
    }

    /** The key we protect with: a DTLS client writes with the client key. */
    public SrtpMasterKey local(boolean dtlsClient) {
        return dtlsClient ? client : server;
    }

    /** The key the peer protects with, which we unprotect with. */
    public SrtpMasterKey remote(boolean dtlsClient) {
        return dtlsClient ? server : client;
    }
}
