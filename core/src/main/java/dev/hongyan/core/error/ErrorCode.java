package dev.hongyan.core.error;

/**
 * Every refusal the server can give, shared by all gateways. The numbering follows taoyao's (the
 * reference for the native protocol): 0000 success, 1xxx malformed requests, 2xxx failures of a
 * party the server relayed to, 3xxx HTTP-like refusals, 9999 unknown. The native protocol sends the
 * code as text; the other gateways map it to their own shapes.
 */
public enum ErrorCode {
    SUCCESS("0000", 200, "success"),
    MALFORMED_MESSAGE("1002", 400, "malformed message"),
    INVALID_BODY("1003", 400, "invalid body"),
    FRAME_TOO_LARGE("1413", 413, "message too large"),
    RATE_LIMITED("1429", 429, "too many messages"),
    BINARY_NOT_SUPPORTED("1415", 415, "binary frames are not supported"),
    TIMEOUT("2001", 504, "the target did not answer in time"),
    TARGET_OFFLINE("2002", 502, "the target went offline"),
    TARGET_ERROR("2003", 502, "the target answered with an error"),
    BAD_REQUEST("3400", 400, "bad request"),
    UNAUTHORIZED("3401", 401, "not authenticated"),
    FORBIDDEN("3403", 403, "forbidden"),
    NOT_FOUND("3404", 404, "not found"),
    NOT_ALLOWED("3405", 405, "not allowed in this direction"),
    CONFLICT("3409", 409, "conflict"),
    LIMIT_EXCEEDED("3413", 413, "limit exceeded"),
    UNKNOWN_SIGNAL("3415", 404, "unknown signal"),
    TOO_MANY_ATTEMPTS("3429", 429, "too many failed attempts"),
    INTERNAL("3500", 500, "internal error"),
    NOT_IMPLEMENTED("3501", 501, "not supported yet"),
    DISABLED("3503", 503, "disabled by configuration"),
    UNKNOWN("9999", 500, "unknown error");

    private final String code;
    private final int httpStatus;
    private final String defaultMessage;

    ErrorCode(String code, int httpStatus, String defaultMessage) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.defaultMessage = defaultMessage;
    }

    /** The four-digit code as the native protocol writes it. */
    public String code() {
        return code;
    }

    /** The HTTP status the REST gateways answer with. */
    public int httpStatus() {
        return httpStatus;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
