package dev.hongyan.bench.forwarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PacedSenderTest {

    private record Sent(long slot, long nanos) {}

    @Test
    @Timeout(30)
    void neverSendsAheadOfItsScheduleAndAfterAStallSkipsAllButFiveMillisecondsWorth() throws Exception {
        int pps = 10_000;
        List<Sent> sent = new ArrayList<>(); // the sender's thread only, read after close() joined it
        CountDownLatch enough = new CountDownLatch(1);
        long before = System.nanoTime();
        PacedSender sender = new PacedSender("test-sender", pps, slot -> {
            sent.add(new Sent(slot, System.nanoTime()));
            if (slot == 1000) {
                sleep(100); // this side stalls: 1,000 more slots fall due meanwhile
            }
            if (sent.size() == 3000) {
                enough.countDown();
            }
        });
        try {
            assertTrue(enough.await(10, TimeUnit.SECONDS));
        } finally {
            sender.close();
        }
        long skipped = 0;
        long afterStall = -1;
        for (int i = 0; i < sent.size(); i++) {
            Sent s = sent.get(i);
            // Slot k falls due k/pps after the sender started, which was after `before`.
            assertTrue(s.nanos() - before >= s.slot() * 1_000_000_000L / pps, "slot " + s.slot() + " sent early");
            if (i > 0) {
                long gap = s.slot() - sent.get(i - 1).slot();
                assertTrue(gap >= 1, "slots go forward");
                skipped += gap - 1;
                // The slots already due when the stall began still go out; the jump comes right after them.
                if (afterStall < 0 && sent.get(i - 1).slot() >= 1000 && gap > 1) {
                    afterStall = gap - 1;
                }
            }
        }
        assertEquals(skipped, sender.skipped(), "every slot jumped over is counted as skipped");
        // 100 ms at 10,000/s fall due during the stall; the 5 ms (50 slots) burst limit sends the last 50.
        assertTrue(afterStall >= 800 && afterStall <= 3000, "skipped after the stall: " + afterStall);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
