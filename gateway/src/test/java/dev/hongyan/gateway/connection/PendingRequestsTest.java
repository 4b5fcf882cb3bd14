package dev.hongyan.gateway.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PendingRequestsTest {

    private final ScheduledThreadPoolExecutor scheduler = (ScheduledThreadPoolExecutor) Executors.newScheduledThreadPool(1);
    private final PendingRequests<String> pending = new PendingRequests<>(scheduler);

    {
        // So a cancelled timer leaves the queue at once and the test can see it go.
        scheduler.setRemoveOnCancelPolicy(true);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void anAnswerCompletesTheRequestAndCancelsItsTimer() throws Exception {
        CompletableFuture<String> future = pending.open(7, "x::ask", 60_000, "late");
        assertThat(scheduler.getQueue()).hasSize(1);

        pending.take(7).complete("yes");

        assertThat(future.get()).isEqualTo("yes");
        assertThat(pending.contains(7)).isFalse();
        assertThat(scheduler.getQueue()).isEmpty();
    }

    @Test
    void onlyTheSignalItWasOpenedUnderTakesIt() {
        pending.open(7, "x::ask", 60_000, "late");

        assertThat(pending.take(7, "y::other")).isNull();
        assertThat(pending.take(8, "x::ask")).isNull();
        assertThat(pending.take(7, "x::ask")).isNotNull();
        assertThat(pending.size()).isZero();
    }

    @Test
    void anUnansweredRequestTimesOut() {
        CompletableFuture<String> future = pending.open(7, "x::ask", 10, "late");

        assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(CoreException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
                    assertThat(e.getMessage()).isEqualTo("late");
                });
        assertThat(pending.contains(7)).isFalse();
    }

    @Test
    void failAllFailsWhatIsLeftAndStopsTheTimers() {
        CompletableFuture<String> a = pending.open(1, "x::ask", 60_000, "late");
        CompletableFuture<String> b = pending.open(2, "x::ask", 60_000, "late");

        pending.failAll(new CoreException(ErrorCode.TARGET_OFFLINE, "gone"));

        assertThat(a).isCompletedExceptionally();
        assertThat(b).isCompletedExceptionally();
        assertThat(pending.size()).isZero();
        assertThat(scheduler.getQueue()).isEmpty();
    }
}
