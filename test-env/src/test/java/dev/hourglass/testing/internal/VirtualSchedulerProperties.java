package dev.hourglass.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.internal.service.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of the virtual clock: what fires, when, and in which order. Each case is drawn from its seed with
 * {@link Random}: the seed makes both the deadlines and the scheduler's tie order, and a failure names the seed
 * and the deadlines it drew, so that {@code checkSeed(seed)} of one case reruns it alone.
 */
class VirtualSchedulerProperties {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    /** A deadline some minutes after the start, and whether it is canceled before time moves. */
    record Deadline(int minutes, boolean canceled) {
    }

    /** What fired: the deadline's index in scheduling order and the virtual time it fired at. */
    record Firing(int index, Instant at) {
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    /**
     * Up to 30 deadlines over few distinct minutes, so that many fall at the same instant; a third canceled.
     * None is due already: a deadline due when it is scheduled fires at once, before the test could cancel it.
     */
    static List<Deadline> deadlines(long seed) {
        Random random = new Random(seed);
        int count = random.nextInt(31);
        List<Deadline> deadlines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            deadlines.add(new Deadline(1 + random.nextInt(20), random.nextInt(3) == 0));
        }
        return deadlines;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyDeadlineNotCanceledFiresOnceAtItsInstantInTimeOrder(long seed) {
        List<Deadline> deadlines = deadlines(seed);

        List<Firing> fired = run(deadlines, seed);

        List<Firing> expected = new ArrayList<>();
        for (int i = 0; i < deadlines.size(); i++) {
            if (!deadlines.get(i).canceled()) {
                expected.add(new Firing(i, START.plus(Duration.ofMinutes(deadlines.get(i).minutes()))));
            }
        }
        assertThat(fired).as(counterexample(seed, deadlines)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(fired).as(counterexample(seed, deadlines)).isSortedAccordingTo(Comparator.comparing(Firing::at));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSameSeedFiresTheSameDeadlinesInTheSameOrderEveryTime(long seed) {
        List<Deadline> deadlines = deadlines(seed);

        assertThat(run(deadlines, seed)).as(counterexample(seed, deadlines)).isEqualTo(run(deadlines, seed));
    }

    @Test
    void differentSeedsFireDeadlinesDueAtTheSameInstantInDifferentOrders() {
        List<Deadline> tied = List.of(new Deadline(5, false), new Deadline(5, false), new Deadline(5, false),
                new Deadline(5, false));

        Set<List<Integer>> orders = new HashSet<>();
        seeds().limit(50).forEach(seed -> orders.add(run(tied, seed).stream().map(Firing::index)
                .collect(Collectors.toList())));

        // 24 orders of 4 deadlines: 50 seeds that drew 12 or fewer of them would not be shuffling evenly
        assertThat(orders).as("the orders 50 seeds gave four deadlines due at the same instant").hasSizeGreaterThan(12);
    }

    @Test
    void aDeadlineAloneAtItsInstantFiresWhateverTheSeed() {
        List<Deadline> apart = List.of(new Deadline(3, false), new Deadline(1, false), new Deadline(2, false));

        seeds().limit(20).forEach(seed -> assertThat(run(apart, seed)).as(counterexample(seed, apart))
                .extracting(Firing::index).containsExactly(1, 2, 0));
    }

    private static String counterexample(long seed, List<Deadline> deadlines) {
        return "seed " + seed + ", deadlines (minutes after the start, canceled) " + deadlines;
    }

    /** Schedules the deadlines in list order, cancels the marked ones, then sleeps past the last. */
    private static List<Firing> run(List<Deadline> deadlines, long seed) {
        VirtualClock clock = new VirtualClock(START);
        VirtualScheduler scheduler = new VirtualScheduler(clock, seed);
        scheduler.attach(new ReentrantLock(), () -> true);
        try {
            List<Firing> fired = new CopyOnWriteArrayList<>();
            List<Scheduler.Cancellable> handles = new ArrayList<>();
            for (int i = 0; i < deadlines.size(); i++) {
                int index = i;
                handles.add(scheduler.schedule(START.plus(Duration.ofMinutes(deadlines.get(i).minutes())),
                        () -> fired.add(new Firing(index, clock.instant()))));
            }
            for (int i = 0; i < deadlines.size(); i++) {
                if (deadlines.get(i).canceled()) {
                    handles.get(i).cancel();
                }
            }

            scheduler.sleep(Duration.ofMinutes(21));

            assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(21)));
            return new ArrayList<>(fired);
        } finally {
            scheduler.close();
        }
    }
}
