package dev.hongyan.core.account;

import java.util.Set;

/** A login. Several clients (connections) may run under one account. */
public record Account(String username, PasswordHash passwordHash, Set<Role> roles) {

    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
