package dev.hourglass.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One money transfer (withdraw, three-day sleep, deposit) in a warm test environment, measured around the
 * blocking stub call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class MoneyTransferBenchmark {

    private BenchmarkEnvironment env;

    @Setup(Level.Trial)
    public void startEnvironment() {
        env = BenchmarkEnvironment.start(BenchmarkEnvironment.DEFAULT_CACHE_SIZE);
    }

    @TearDown(Level.Trial)
    public void closeEnvironment() {
        env.close();
    }

    @Benchmark
    public long transfer() {
        return env.transfer();
    }
}
