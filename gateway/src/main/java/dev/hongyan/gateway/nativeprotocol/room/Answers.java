package dev.hongyan.gateway.nativeprotocol.room;

import dev.hongyan.gateway.nativeprotocol.SignalContext;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** How room handlers answer once core's future completes (on the room's executor, never blocking). */
final class Answers {

    private Answers() {}

    /** A {@code =>} signal: the reply on success, the error otherwise. */
    static <T> void reply(SignalContext context, CompletableFuture<T> outcome, Function<T, Object> body) {
        outcome.whenComplete((value, failure) -> {
            if (failure != null) {
                context.fail(failure);
            } else {
                context.reply(body.apply(value));
            }
        });
    }

    /** A {@code ->} signal: no reply on success (the spec's flow), but a refusal is still answered. */
    static void errorsOnly(SignalContext context, CompletableFuture<?> outcome) {
        outcome.whenComplete((value, failure) -> {
            if (failure != null) {
                context.fail(failure);
            }
        });
    }
}
