package dev.hourglass.testing.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Trials on several threads: the same trials, failing trial, shrinking and report whatever the parallelism.
 */
class FaultFuzzerParallelismTest {

    private static final FaultSpace ACCOUNTS = FaultSpace.newBuilder()
            .addActivityTypes("withdraw", "deposit")
            .setMaxFaults(4)
            .build();

    private static FuzzResult fuzz(long seed, int trials, int parallelism, FuzzBody body) {
        return FaultFuzzer.newBuilder().setSeed(seed).setTrials(trials).setFaultSpace(ACCOUNTS)
                .setParallelism(parallelism).build().run(body);
    }

    @Test
    void aFailingRunHasTheSameResultAndReportOnOneTwoAndFourThreads() {
        // from one line, so that the stack traces in the reports are the same
        List<FuzzResult> results = Stream.of(1, 2, 4)
                .map(threads -> fuzz(42L, 1_000, threads, FaultFuzzerTest.TRANSFER_BREAKING_ON_LOST_DEPOSIT))
                .toList();
        FuzzResult one = results.get(0);

        assertThat(one.isFailed()).isTrue();
        assertThat(one.getFailingPlan()).isEqualTo(FaultFuzzerTest.LOST_DEPOSIT);
        assertThat(results).allSatisfy(result -> {
            assertThat(result.getTrials()).isEqualTo(one.getTrials());
            assertThat(result.getFailingSeed()).isEqualTo(one.getFailingSeed());
            assertThat(result.getOriginalPlan()).isEqualTo(one.getOriginalPlan());
            assertThat(result.getFailingPlan()).isEqualTo(one.getFailingPlan());
            assertThat(result.getShrinkRuns()).isEqualTo(one.getShrinkRuns());
            assertThat(result.getReport()).isEqualTo(one.getReport());
        });
    }

    @Test
    void aPassingRunHasTheSameResultAndReportOnOneTwoAndFourThreads() {
        List<FuzzResult> results = Stream.of(1, 2, 4)
                .map(threads -> fuzz(7L, 300, threads, trial -> { }))
                .toList();

        assertThat(results).extracting(FuzzResult::getReport)
                .containsOnly("Fault fuzzing passed: 300 trials (fuzzer seed 7L), no failure.");
        assertThat(results).extracting(FuzzResult::getTrials).containsOnly(300);
    }

    @Test
    void eachTrialHasTheSeedAndPlanOfItsNumberWhateverThread() {
        Set<String> oneThread = new ConcurrentSkipListSet<>();
        Set<String> fourThreads = new ConcurrentSkipListSet<>();
        fuzz(11L, 200, 1, trial -> oneThread.add(trial.toString()));
        fuzz(11L, 200, 4, trial -> fourThreads.add(trial.toString()));

        assertThat(fourThreads).hasSize(200).isEqualTo(oneThread);
    }

    /**
     * Trial 2 fails only after trial 3 has failed on the other thread, so the higher-numbered failure comes first.
     */
    private static FuzzBody secondFailsAfterThird(CountDownLatch thirdFailed, Set<Integer> started) {
        return trial -> {
            started.add(trial.getNumber());
            if (trial.getNumber() == 3) {
                thirdFailed.countDown();
                throw new IllegalStateException("trial 3 breaks");
            }
            if (trial.getNumber() == 2) {
                thirdFailed.await(30, TimeUnit.SECONDS);
                throw new IllegalStateException("trial 2 breaks");
            }
        };
    }

    @Test
    void theLowestNumberedFailingTrialIsTheFailureEvenWhenAHigherOneFailedFirst() {
        FuzzResult result = fuzz(5L, 100, 2, secondFailsAfterThird(new CountDownLatch(1),
                new ConcurrentSkipListSet<>()));

        assertThat(result.getTrials()).isEqualTo(2);
        assertThat(result.getFailure()).hasMessage("trial 2 breaks");
        assertThat(result.getReport()).startsWith("Fault fuzzing failed: trial 2 of 100 broke the invariant");
    }

    @Test
    void noTrialIsHandedOutOnceOneFailed() {
        Set<Integer> started = new ConcurrentSkipListSet<>();
        fuzz(5L, 100, 2, secondFailsAfterThird(new CountDownLatch(1), started));

        // shrinking reruns trial 2 only
        assertThat(started).containsExactly(1, 2, 3);
    }

    @Test
    void runsTrialsOnTheCallingThreadAloneWithParallelismOne() {
        Set<String> threads = new ConcurrentSkipListSet<>();
        fuzz(3L, 100, 1, trial -> threads.add(Thread.currentThread().getName()));

        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void runsTrialsOnAsManyThreadsAsTheParallelismAtMost() {
        Set<String> threads = new ConcurrentSkipListSet<>();
        CountDownLatch bothRunning = new CountDownLatch(2);
        fuzz(3L, 2, 2, trial -> {
            threads.add(Thread.currentThread().getName());
            bothRunning.countDown();
            bothRunning.await(30, TimeUnit.SECONDS);
        });

        assertThat(threads).hasSize(2).contains(Thread.currentThread().getName());
    }

    @Test
    void defaultsToAsManyThreadsAsProcessors() {
        FaultFuzzer fuzzer = FaultFuzzer.newBuilder().setSeed(1L).setFaultSpace(ACCOUNTS).build();

        assertThat(fuzzer.getParallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
