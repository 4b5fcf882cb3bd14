package dev.hongyan.core.client;

/**
 * Told when a client's connection ends, so rooms, calls and relays can release what it held. Also
 * called for a connection replaced by a newer one under the same clientId: implementations must
 * compare clients by identity, not by clientId.
 */
public interface ClientListener {

    void onOffline(Client client);
}
