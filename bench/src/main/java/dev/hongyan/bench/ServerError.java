package dev.hongyan.bench;

/** A request refused by the server: spec 001's platform::error, or a reply with a code other than 0000. */
final class ServerError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    ServerError(String code, String message) {
        super(code + " " + message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
