package dev.hourglass.benchmarks;

import dev.hourglass.agent.DeterminismAgent;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What installing the determinism agent costs the first test environment of a JVM: one install per fresh JVM
 * (attach, the warm-up of the rewriter, the retransformation of the application classes already loaded), with
 * the JDK's default, where ByteBuddy attaches from a helper process, and with
 * {@code -Djdk.attach.allowAttachSelf=true}, where the JVM attaches to itself.
 */
@Fork(10)
public class AgentInstallBenchmark {

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public DeterminismAgent.Mode installInAFreshJvm() {
        DeterminismAgent.install();
        return DeterminismAgent.getMode();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 10, jvmArgsAppend = "-Djdk.attach.allowAttachSelf=true")
    public DeterminismAgent.Mode installInAFreshJvmAllowingSelfAttach() {
        DeterminismAgent.install();
        return DeterminismAgent.getMode();
    }
}
