package dev.hongyan.core.media;

import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import dev.hongyan.media.ortc.OrtcException;

/**
 * The room's refusals, worded as mediasoup-demo words them (a protoo client shows {@code errorReason}
 * to its user, and some match on it), and the translation of engine failures into CoreExceptions.
 */
final class MediaErrors {

    private MediaErrors() {}

    static CoreException notJoined() {
        return new CoreException(ErrorCode.BAD_REQUEST, "Peer not yet joined");
    }

    static CoreException alreadyJoined() {
        return new CoreException(ErrorCode.CONFLICT, "Peer already joined");
    }

    static CoreException peerClosed() {
        return new CoreException(ErrorCode.CONFLICT, "peer closed");
    }

    static CoreException notFound(String what, String id) {
        return CoreException.notFound(what + " with id \"" + id + "\" not found");
    }

    static CoreException notOwner(String what, String id) {
        return CoreException.forbidden(what + " with id \"" + id + "\" belongs to another peer");
    }

    /** A limit of {@link MediaRoomSettings} was reached; the message names the setting. */
    static CoreException limit(String setting, int max, String what) {
        return new CoreException(ErrorCode.LIMIT_EXCEEDED, what + " (" + setting + " is " + max + ")");
    }

    static CoreException noDataChannels() {
        return new CoreException(ErrorCode.NOT_IMPLEMENTED,
                "data channels are not supported yet (this server has no SCTP): produceData refused");
    }

    /**
     * Engine failures: bad RTP parameters (OrtcException) and refused states (duplicate SSRC, already
     * connected) are the client's to hear about with the engine's wording; anything else is ours.
     */
    static CoreException translate(Throwable failure) {
        Throwable cause = CoreException.cause(failure);
        if (cause instanceof CoreException core) {
            return core;
        }
        if (cause instanceof OrtcException ortc) {
            return CoreException.invalid(ortc.getMessage());
        }
        if (cause instanceof UnsupportedOperationException) {
            return new CoreException(ErrorCode.NOT_IMPLEMENTED, "not supported yet by the media engine");
        }
        if (cause instanceof IllegalStateException || cause instanceof IllegalArgumentException) {
            return new CoreException(ErrorCode.BAD_REQUEST, String.valueOf(cause.getMessage()));
        }
        return new CoreException(ErrorCode.INTERNAL, "internal error");
    }
}
