package dev.hongyan.core.control;

import dev.hongyan.core.client.Client;
import dev.hongyan.core.client.ClientRegistry;
import dev.hongyan.core.error.CoreException;

/**
 * Who may remotely control which terminal (control::bell, ::photograph, ::client::record,
 * ::config::*, ::wakeup). taoyao let any client control any other; here an admin may control every
 * terminal and anyone else only the terminals logged in under their own account (a user's phone
 * driving that user's cameras).
 */
public final class ControlPolicy {

    private final ClientRegistry registry;

    public ControlPolicy(ClientRegistry registry) {
        this.registry = registry;
    }

    /**
     * The online terminal {@code targetId}, if {@code caller} may control it.
     *
     * @throws CoreException 1003 when the target is the caller itself, 3404 when it is not online,
     *     3403 when the caller is neither an admin nor of the target's account
     */
    public Client authorize(Client caller, String targetId) {
        if (caller.clientId().equals(targetId)) {
            // A terminal has no reason to route a command to itself through the server (taoyao
            // refused this for wakeup); refusing it keeps a client from waiting on its own answer.
            throw CoreException.invalid("a client cannot control itself");
        }
        Client target = registry.require(targetId);
        if (!mayControl(caller, target)) {
            throw CoreException.forbidden("only an admin or a client of the same account may control \"" + targetId + "\"");
        }
        return target;
    }

    public boolean mayControl(Client caller, Client target) {
        return caller.isAdmin() || caller.account().username().equals(target.account().username());
    }
}
