package dev.hourglass.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.internal.service.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private final VirtualClock clock = new VirtualClock(START);
    private final VirtualScheduler scheduler = new VirtualScheduler(clock, 7);
    private final AtomicBoolean idle = new AtomicBoolean(true);
    private final List<String> fired = new CopyOnWriteArrayList<>();

    @BeforeEach
    void attach() {
        scheduler.attach(new ReentrantLock(), idle::get);
    }

    @AfterEach
    void close() {
        scheduler.close();
    }

    /** Schedules an action that records its name, makes the service busy and counts down. */
    private Scheduler.Cancellable busyAfter(Instant deadline, String name, CountDownLatch latch) {
        return scheduler.schedule(deadline, () -> {
            fired.add(name);
            idle.set(false);
            latch.countDown();
        });
    }

    private void skipUntil(CountDownLatch latch) throws Exception {
        try (AutoCloseable permit = scheduler.allowSkipping()) {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("deadlines fired").isTrue();
        }
    }

    @Test
    void deadlinesDueAtTheSameInstantAllFireInOnePass() throws Exception {
        Instant day = START.plus(Duration.ofDays(1));
        CountDownLatch all = new CountDownLatch(3);
        for (String name : List.of("c", "a", "b")) {
            busyAfter(day, name, all); // the first to fire makes the service busy: the others fire anyway
        }

        skipUntil(all);

        assertThat(fired).containsExactlyInAnyOrder("c", "a", "b");
        assertThat(clock.instant()).isEqualTo(day);
    }

    @Test
    void aLaterDeadlineWaitsUntilTheServiceIsIdleAgain() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        busyAfter(START.plus(Duration.ofDays(1)), "day 1", first);
        busyAfter(START.plus(Duration.ofDays(2)), "day 2", second);

        skipUntil(first);
        assertThat(second.await(50, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(fired).containsExactly("day 1");

        idle.set(true);
        scheduler.wake();
        skipUntil(second);
        assertThat(fired).containsExactly("day 1", "day 2");
    }

    @Test
    void aCanceledDeadlineNeverFiresAndNoLongerCountsAsPending() throws Exception {
        Instant day = START.plus(Duration.ofDays(1));
        CountDownLatch latch = new CountDownLatch(1);
        Scheduler.Cancellable canceled = busyAfter(day, "canceled", new CountDownLatch(1));
        busyAfter(day.plusSeconds(1), "kept", latch);

        canceled.cancel();

        assertThat(scheduler.pendingDeadlines()).isEqualTo(1);
        skipUntil(latch);
        assertThat(fired).containsExactly("kept");
    }

    @Test
    void aDeadlineCanceledByAnEarlierOneOfTheSamePassDoesNotFire() throws Exception {
        Instant day = START.plus(Duration.ofDays(1));
        CountDownLatch latch = new CountDownLatch(1);
        Scheduler.Cancellable[] rivals = new Scheduler.Cancellable[2];
        // each cancels the other: whichever the seed fires first, the other must not fire
        rivals[0] = scheduler.schedule(day, () -> {
            fired.add("first rival");
            rivals[1].cancel();
        });
        rivals[1] = scheduler.schedule(day, () -> {
            fired.add("second rival");
            rivals[0].cancel();
        });
        busyAfter(day, "bystander", latch);

        skipUntil(latch);

        assertThat(fired).hasSize(2).contains("bystander").containsAnyOf("first rival", "second rival");
    }

    @Test
    void cancelingMostOfManyDeadlinesLeavesExactlyTheOthersPending() {
        List<Scheduler.Cancellable> handles = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            handles.add(scheduler.schedule(START.plus(Duration.ofMinutes(i + 1)), () -> fired.add("any")));
        }

        for (int i = 0; i < 3_000; i += 3) {
            handles.get(i).cancel();
            handles.get(i + 1).cancel();
            handles.get(i + 1).cancel(); // twice: counted once
        }

        assertThat(scheduler.pendingDeadlines()).isEqualTo(1_000);
        assertThat(fired).isEmpty();
    }
}
