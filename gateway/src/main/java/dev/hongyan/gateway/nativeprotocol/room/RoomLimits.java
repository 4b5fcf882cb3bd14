package dev.hongyan.gateway.nativeprotocol.room;

import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.Require;

/** Field limits shared by the room bodies. */
final class RoomLimits {

    /** Room ids are UUIDs (36); client ids are at most 64. */
    static final int ID = 64;
    static final int NAME = 64;
    static final int PASSWORD = 128;

    private RoomLimits() {}

    /**
     * Spec 001 spells the field {@code passowrd} in room::create (a typo taoyao's docs carry), so both
     * spellings are read; sending both with different values is refused rather than guessed at.
     */
    static String password(String password, String passowrd) {
        String spelled = Require.optionalText(password, "password", PASSWORD);
        String misspelled = Require.optionalText(passowrd, "passowrd", PASSWORD);
        if (spelled != null && misspelled != null && !spelled.equals(misspelled)) {
            throw CoreException.invalid("password and passowrd differ; send one of them");
        }
        return spelled != null ? spelled : misspelled;
    }
}
