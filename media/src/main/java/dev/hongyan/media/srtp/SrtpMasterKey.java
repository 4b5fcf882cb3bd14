package dev.hongyan.media.srtp;

import java.util.Arrays;

/** A master key and master salt for one direction (RFC 3711 §3.2.1). Arrays are copied in and out. */
public record SrtpMasterKey(byte[] key, byte[] salt) {

    public SrtpMasterKey {
        key = key.clone();
        salt = salt.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** Checked when a context is built so a profile mismatch fails at setup, not per packet. */
    void requireFits(SrtpProfile profile) {
        if (key.length != profile.keyLength() || salt.length != profile.saltLength()) {
            throw new IllegalArgumentException(profile + " needs a " + profile.keyLength() + "-byte key and a "
                    + profile.saltLength() + "-byte salt, got " + key.length + "/" + salt.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpMasterKey m && Arrays.equals(key, m.key) && Arrays.equals(salt, m.salt);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + Arrays.hashCode(salt);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SrtpMasterKey[" + key.length + "-byte key, " + salt.length + "-byte salt]";
    }
}
