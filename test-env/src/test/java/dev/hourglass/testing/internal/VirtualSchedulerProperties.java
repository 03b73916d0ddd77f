package dev.hourglass.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.internal.service.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Invariants of the virtual clock: what fires, when, and in which order. */
class VirtualSchedulerProperties {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    /** A deadline some minutes after the start, and whether it is canceled before time moves. */
    record Deadline(int minutes, boolean canceled) {
    }

    /** What fired: the deadline's index in scheduling order and the virtual time it fired at. */
    record Firing(int index, Instant at) {
    }

    @Provide
    Arbitrary<Deadline> deadlines() {
        // few distinct minutes, so that many deadlines fall at the same instant; none is due already (a deadline
        // due when it is scheduled fires at once, before the test could cancel it)
        return Combinators.combine(Arbitraries.integers().between(1, 20), Arbitraries.of(true, false, false))
                .as(Deadline::new);
    }

    @Property(tries = 200)
    void everyDeadlineNotCanceledFiresOnceAtItsInstantInDeadlineThenSchedulingOrder(
            @ForAll @Size(max = 30) List<@From("deadlines") Deadline> deadlines) {
        List<Firing> fired = run(deadlines);

        List<Firing> expected = new ArrayList<>();
        for (int i = 0; i < deadlines.size(); i++) {
            if (!deadlines.get(i).canceled()) {
                expected.add(new Firing(i, START.plus(Duration.ofMinutes(deadlines.get(i).minutes()))));
            }
        }
        expected.sort(Comparator.comparing(Firing::at).thenComparing(Firing::index));
        assertThat(fired).containsExactlyElementsOf(expected);
    }

    @Property(tries = 200)
    void theSameDeadlinesFireInTheSameOrderEveryTime(
            @ForAll @Size(max = 30) List<@From("deadlines") Deadline> deadlines) {
        assertThat(run(deadlines)).isEqualTo(run(deadlines));
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
