package dev.hongyan.media.srtp;

/**
 * Session keys of one direction (RFC 3711 §4.3). With a key derivation rate of zero they are
 * derived once, so every SSRC of the direction shares them; per-SSRC state is only the packet
 * index and the replay window. Auth keys are empty for the AEAD profiles.
 */
record SessionKeys(byte[] rtpKey, byte[] rtpSalt, byte[] rtpAuthKey,
                   byte[] rtcpKey, byte[] rtcpSalt, byte[] rtcpAuthKey) {

    static SessionKeys derive(SrtpProfile profile, SrtpMasterKey master) {
        master.requireFits(profile);
        KeyDerivation kdf = new KeyDerivation(master.key(), master.salt());
        int k = profile.keyLength();
        int s = profile.saltLength();
        int a = profile.isAead() ? 0 : KeyDerivation.HMAC_SHA1_KEY_LENGTH;
        return new SessionKeys(
                kdf.derive(KeyDerivation.LABEL_RTP_ENCRYPTION, k),
                kdf.derive(KeyDerivation.LABEL_RTP_SALT, s),
                kdf.derive(KeyDerivation.LABEL_RTP_AUTH, a),
                kdf.derive(KeyDerivation.LABEL_RTCP_ENCRYPTION, k),
                kdf.derive(KeyDerivation.LABEL_RTCP_SALT, s),
                kdf.derive(KeyDerivation.LABEL_RTCP_AUTH, a));
    }
}
