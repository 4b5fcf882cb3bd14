package dev.hongyan.bench;

import java.util.ArrayList;
import java.util.List;

/** The accounts clients register with, handed out round-robin (client i uses account i mod n). */
record Credentials(List<Account> accounts) {

    record Account(String username, String password) {}

    Credentials {
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("at least one account is needed");
        }
        accounts = List.copyOf(accounts);
    }

    /** {@code name:password[,name:password...]}; a password may contain ':' (split at the first one). */
    static Credentials parse(String list) {
        List<Account> accounts = new ArrayList<>();
        for (String entry : list.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("an account is name:password, got \"" + trimmed + "\"");
            }
            accounts.add(new Account(trimmed.substring(0, colon), trimmed.substring(colon + 1)));
        }
        return new Credentials(accounts);
    }

    Account forClient(int i) {
        return accounts.get(Math.floorMod(i, accounts.size()));
    }
}
