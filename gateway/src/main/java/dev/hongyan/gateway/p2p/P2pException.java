package dev.hongyan.gateway.p2p;

/** A refusal in the domain protocol: an HTTP status for POST /offer and a message for both paths. */
final class P2pException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    P2pException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
