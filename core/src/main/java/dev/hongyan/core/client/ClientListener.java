package dev.hongyan.core.client;

/** Told when a client goes offline, so rooms, calls and relays can release what it held. */
public interface ClientListener {

    void onOffline(Client client);
}
