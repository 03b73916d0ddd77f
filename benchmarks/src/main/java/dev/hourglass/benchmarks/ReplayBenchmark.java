package dev.hourglass.benchmarks;

import dev.hourglass.history.History;
import dev.hourglass.internal.replay.Replayer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replay of a long recorded history, on one thread, with the replayed events counted: the secondary result
 * {@code events} is in events per second. Two shapes: a workflow that ran its activities one after the other
 * ({@code activities}: 3 events each), and one that slept one timer after the other ({@code timers}: 2 events
 * each).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ReplayBenchmark {

    @Param({"activities", "timers"})
    public String shape;

    /** How long the history is: 1,000 activities or 1,500 timers, plus the start and the completion. */
    @Param("3002")
    public int historyEvents;

    private History history;
    private Class<?>[] types;

    /** Counts replayed events per iteration; JMH reports it as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }

    @Setup(Level.Trial)
    public void recordHistory() {
        try (BenchmarkEnvironment env = BenchmarkEnvironment.start(BenchmarkEnvironment.DEFAULT_CACHE_SIZE)) {
            history = shape.equals("timers") ? env.recordManyTimers((historyEvents - 2) / 2)
                    : env.recordManyActivities((historyEvents - 2) / 3);
        }
        types = BenchmarkWorkflows.workflowTypes();
    }

    @Benchmark
    public List<String> replay(Events counter) {
        List<String> warnings = Replayer.replay(history, false, types);
        counter.events += history.getEvents().size();
        return warnings;
    }
}
