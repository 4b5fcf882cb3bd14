package dev.hongyan.core.account;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The accounts known to this server, seeded from configuration at start. */
public final class AccountStore {

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final SecureRandom random;

    public AccountStore(SecureRandom random) {
        this.random = random;
    }

    public Optional<Account> find(String username) {
        return Optional.ofNullable(accounts.get(username));
    }

    public boolean isEmpty() {
        return accounts.isEmpty();
    }

    public Account add(String username, String passwordOrHash, Set<Role> roles) {
        if (username == null || username.isBlank() || username.contains(":") || username.contains(",")) {
            throw new IllegalArgumentException("invalid account name \"" + username + "\"");
        }
        PasswordHash hash = PasswordHash.isEncoded(passwordOrHash)
                ? PasswordHash.parse(passwordOrHash)
                : PasswordHash.create(passwordOrHash, random);
        Account account = new Account(username, hash, roles.isEmpty() ? EnumSet.of(Role.USER) : roles);
        accounts.put(username, account);
        return account;
    }

    /**
     * Seeds accounts from {@code name:password:role[+role],...}. The password may be a plain password or
     * an encoded {@link PasswordHash}; a hash contains no ':' or ','.
     */
    public List<Account> seed(String spec) {
        List<Account> added = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return added;
        }
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split(":", -1);
            if (parts.length < 2 || parts.length > 3 || parts[1].isEmpty()) {
                throw new IllegalArgumentException("account entry \"" + parts[0] + ":…\" must be name:password:role");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (parts.length == 3 && !parts[2].isBlank()) {
                for (String role : parts[2].split("\\+")) {
                    roles.add(Role.parse(role));
                }
            }
            added.add(add(parts[0].trim(), parts[1], roles));
        }
        return added;
    }

    /** Creates {@code admin} with a random password; the caller prints it once. */
    public String createRandomAdmin() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        add("admin", password.toString(), EnumSet.of(Role.ADMIN));
        return password.toString();
    }
}
