package dev.hourglass.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.internal.service.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of the virtual clock: what fires, when, and in which order.
 *
 * <p>Each seeded case draws its deadlines from the seed in its name; the edge cases are lists a random draw
 * rarely gives. A failure names the seed or the edge case and prints the deadlines.
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
        return LongStream.range(0, 200);
    }

    static Stream<Named<List<Deadline>>> edgeCases() {
        List<Deadline> allAtOnce = new ArrayList<>();
        List<Deadline> allCanceled = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            allAtOnce.add(new Deadline(7, i % 3 == 0));
            allCanceled.add(new Deadline(1 + i % 20, true));
        }
        return Stream.of(
                Named.of("no deadline", List.of()),
                Named.of("one deadline at the first minute", List.of(new Deadline(1, false))),
                Named.of("one deadline at the last minute", List.of(new Deadline(20, false))),
                Named.of("one canceled deadline", List.of(new Deadline(1, true))),
                Named.of("30 deadlines at the same instant", allAtOnce),
                Named.of("30 canceled deadlines", allCanceled));
    }

    /**
     * Up to 30 deadlines; few distinct minutes, so that many fall at the same instant; none is due already (a
     * deadline due when it is scheduled fires at once, before the test could cancel it); a third canceled.
     */
    static List<Deadline> deadlines(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int size = random.nextInt(31);
        List<Deadline> deadlines = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            deadlines.add(new Deadline(1 + random.nextInt(20), random.nextInt(3) == 0));
        }
        return deadlines;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyDeadlineNotCanceledFiresOnceAtItsInstantInDeadlineThenSchedulingOrder(long seed) {
        firesOnceAtItsInstantInDeadlineThenSchedulingOrder(deadlines(seed), "seed " + seed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeCases")
    void everyDeadlineNotCanceledFiresOnceAtItsInstantInDeadlineThenSchedulingOrderInEdgeCases(
            List<Deadline> deadlines) {
        firesOnceAtItsInstantInDeadlineThenSchedulingOrder(deadlines, "edge case");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSameDeadlinesFireInTheSameOrderEveryTime(long seed) {
        List<Deadline> deadlines = deadlines(seed);

        assertThat(run(deadlines)).as("seed %d: %s", seed, deadlines).isEqualTo(run(deadlines));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeCases")
    void theSameDeadlinesFireInTheSameOrderEveryTimeInEdgeCases(List<Deadline> deadlines) {
        assertThat(run(deadlines)).as("edge case: %s", deadlines).isEqualTo(run(deadlines));
    }

    private static void firesOnceAtItsInstantInDeadlineThenSchedulingOrder(List<Deadline> deadlines, String which) {
        List<Firing> fired = run(deadlines);

        List<Firing> expected = new ArrayList<>();
        for (int i = 0; i < deadlines.size(); i++) {
            if (!deadlines.get(i).canceled()) {
                expected.add(new Firing(i, START.plus(Duration.ofMinutes(deadlines.get(i).minutes()))));
            }
        }
        expected.sort(Comparator.comparing(Firing::at).thenComparing(Firing::index));
        assertThat(fired).as("%s: %s", which, deadlines).containsExactlyElementsOf(expected);
    }

    /** Schedules the deadlines in list order, cancels the marked ones, then sleeps past the last. */
    private static List<Firing> run(List<Deadline> deadlines) {
        VirtualClock clock = new VirtualClock(START);
        VirtualScheduler scheduler = new VirtualScheduler(clock);
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
