package dev.hongyan.core.account;

import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a username and password. PBKDF2 costs tens of milliseconds by design, which would make a
 * fleet of devices sharing one account take minutes to reconnect after a restart; so once a
 * password has been verified, an HMAC of it under a per-process random key is remembered and later
 * logins with the same password are checked against that in microseconds. The cache never holds a
 * password and dies with the process.
 */
public final class Authenticator {

    private final AccountStore accounts;
    private final LoginThrottle throttle;
    private final byte[] cacheKey = new byte[32];
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

    public Authenticator(AccountStore accounts, LoginThrottle throttle, SecureRandom random) {
        this.accounts = accounts;
        this.throttle = throttle;
        random.nextBytes(cacheKey);
    }

    /**
     * Returns the account, or throws UNAUTHORIZED (wrong name or password, indistinguishable) or
     * TOO_MANY_ATTEMPTS (locked by the throttle).
     */
    public Account authenticate(String username, String password, String remoteIp) {
        String throttleKey = username + "@" + remoteIp;
        long locked = throttle.lockedFor(throttleKey);
        if (locked > 0) {
            throw new CoreException(ErrorCode.TOO_MANY_ATTEMPTS,
                    "too many failed logins; try again in " + ((locked + 999) / 1000) + " s");
        }
        Account account = accounts.find(username).orElse(null);
        if (account == null || !passwordMatches(account, password)) {
            throttle.recordFailure(throttleKey);
            throw new CoreException(ErrorCode.UNAUTHORIZED, "wrong username or password");
        }
        throttle.recordSuccess(throttleKey);
        return account;
    }

    private boolean passwordMatches(Account account, String password) {
        byte[] mac = mac(account.username(), password);
        byte[] known = verified.get(account.username());
        if (known != null && MessageDigest.isEqual(known, mac)) {
            return true;
        }
        if (account.passwordHash().matches(password)) {
            verified.put(account.username(), mac);
            return true;
        }
        return false;
    }

    private byte[] mac(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
