package dev.hongyan.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {

    private final ManualScheduler timers = new ManualScheduler();
    private final List<String> ran = new ArrayList<>();

    @Test
    void runsWhatFallsDueInDueOrderAndNothingBefore() {
        timers.schedule(() -> ran.add("b"), 200, TimeUnit.MILLISECONDS);
        timers.schedule(() -> ran.add("a"), 100, TimeUnit.MILLISECONDS);
        timers.schedule(() -> ran.add("a2"), 100, TimeUnit.MILLISECONDS);

        timers.advance(Duration.ofMillis(99));
        assertThat(ran).isEmpty();
        timers.advance(Duration.ofMillis(1));
        assertThat(ran).containsExactly("a", "a2");
        assertThat(timers.pending()).isEqualTo(1);
        timers.advance(Duration.ofMillis(100));
        assertThat(ran).containsExactly("a", "a2", "b");
        assertThat(timers.pending()).isZero();
    }

    @Test
    void aCancelledTaskNeverRuns() {
        ScheduledFuture<?> timer = timers.schedule(() -> ran.add("x"), 100, TimeUnit.MILLISECONDS);
        assertThat(timer.getDelay(TimeUnit.MILLISECONDS)).isEqualTo(100);
        assertThat(timer.cancel(false)).isTrue();
        assertThat(timers.pending()).isZero();
        timers.advance(Duration.ofSeconds(1));
        assertThat(ran).isEmpty();
    }

    @Test
    void whatATaskSchedulesRunsInTheSameAdvanceWhenDueByThen() {
        timers.schedule(() -> {
            ran.add("first");
            timers.schedule(() -> ran.add("then"), 50, TimeUnit.MILLISECONDS);
        }, 100, TimeUnit.MILLISECONDS);
        timers.advance(Duration.ofMillis(150));
        assertThat(ran).containsExactly("first", "then");
    }

    @Test
    void aPeriodicTaskRunsOncePerPeriodUntilCancelled() {
        ScheduledFuture<?> timer = timers.scheduleAtFixedRate(() -> ran.add("tick"), 10, 10, TimeUnit.MILLISECONDS);
        timers.advance(Duration.ofMillis(35));
        assertThat(ran).hasSize(3);
        timer.cancel(false);
        timers.advance(Duration.ofMillis(100));
        assertThat(ran).hasSize(3);
    }

    @Test
    void afterShutdownNothingIsScheduledAndNothingPendingRuns() {
        timers.schedule(() -> ran.add("x"), 10, TimeUnit.MILLISECONDS);
        timers.shutdownNow();
        timers.advance(Duration.ofSeconds(1));
        assertThat(ran).isEmpty();
        assertThatThrownBy(() -> timers.schedule(() -> ran.add("y"), 10, TimeUnit.MILLISECONDS))
                .isInstanceOf(RejectedExecutionException.class);
    }
}
