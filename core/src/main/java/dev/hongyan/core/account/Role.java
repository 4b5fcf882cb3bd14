package dev.hongyan.core.account;

import java.util.Locale;

/** What an account may do. An account can hold several roles. */
public enum Role {
    /** Everything, including platform and device control of any client. */
    ADMIN,
    /** A person's terminal: rooms, calls, its own devices. */
    USER,
    /** A camera or IoT box: answers control requests, produces media. */
    DEVICE,
    /** A media node. */
    MEDIA;

    public static Role parse(String text) {
        try {
            return Role.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role \"" + text + "\" (admin, user, device, media)");
        }
    }
}
