package dev.hongyan.gateway.protoo;

/**
 * Handles one protoo request method. The dispatcher has bound {@code data} to {@code B} (validation runs
 * in the record and in the mediasoup-shape deserializers) and waited until the peer is a room member; the
 * handler calls core and answers through the exchange, now or later. A thrown CoreException answers with
 * that error.
 */
interface ProtooHandler<B> {

    String method();

    Class<B> bodyType();

    void handle(ProtooExchange exchange, B body);
}
