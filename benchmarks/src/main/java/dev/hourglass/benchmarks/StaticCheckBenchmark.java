package dev.hourglass.benchmarks;

import dev.hourglass.agent.DeterminismCheck;
import dev.hourglass.agent.DeterminismReport;
import dev.hourglass.agent.internal.check.RegistrationCheck;
import dev.hourglass.samples.moneytransfer.MoneyTransferWorkflowImpl;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the static determinism check of the money-transfer sample costs a worker that registers it: the first
 * check in a fresh JVM ({@code firstCheckInAFreshJvm}, one shot per fork), a check in a warm JVM
 * ({@code checkInAWarmJvm}, what each further class costs), and a registration of a class already checked
 * ({@code cachedReport}).
 */
@State(Scope.Benchmark)
@Fork(1)
public class StaticCheckBenchmark {

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(10)
    public DeterminismReport firstCheckInAFreshJvm() {
        return DeterminismCheck.check(MoneyTransferWorkflowImpl.class);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public DeterminismReport checkInAWarmJvm() {
        return DeterminismCheck.check(MoneyTransferWorkflowImpl.class);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public DeterminismReport cachedReport() {
        return RegistrationCheck.cachedReport(MoneyTransferWorkflowImpl.class);
    }
}
