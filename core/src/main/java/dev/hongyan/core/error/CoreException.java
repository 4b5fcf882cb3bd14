package dev.hongyan.core.error;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A refusal with a precise code and a message meant for the client. Thrown by core rules and by body
 * validation; gateways turn it into their protocol's error reply. No stack trace: these are
 * expected outcomes, not bugs, and a flood of bad requests must stay cheap.
 */
public final class CoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public CoreException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public CoreException(ErrorCode code) {
        this(code, code.defaultMessage());
    }

    public ErrorCode code() {
        return code;
    }

    public static CoreException invalid(String message) {
        return new CoreException(ErrorCode.INVALID_BODY, message);
    }

    public static CoreException notFound(String message) {
        return new CoreException(ErrorCode.NOT_FOUND, message);
    }

    public static CoreException forbidden(String message) {
        return new CoreException(ErrorCode.FORBIDDEN, message);
    }

    /** The failure behind any {@link CompletionException} / {@link ExecutionException} wrappers. */
    public static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * The refusal a (possibly wrapped) failure carries; anything that is not a CoreException is a bug of
     * ours and becomes {@link ErrorCode#INTERNAL} "internal error", so no internal detail leaks to clients.
     */
    public static CoreException unwrap(Throwable failure) {
        return cause(failure) instanceof CoreException core ? core : new CoreException(ErrorCode.INTERNAL, "internal error");
    }
}
