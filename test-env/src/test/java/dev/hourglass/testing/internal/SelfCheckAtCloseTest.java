package dev.hourglass.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.EventType;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SelfCheckAtCloseTest {

    @WorkflowInterface
    public interface Countdown {
        @WorkflowMethod
        String run();
    }

    /** Sleeps only the first time it runs in this JVM, so its replay differs from the run it replays. */
    public static class SleepsOnlyOnce implements Countdown {
        static final AtomicInteger RUNS = new AtomicInteger();

        @Override
        public String run() {
            if (RUNS.incrementAndGet() == 1) {
                Workflow.sleep(Duration.ofMinutes(1));
            }
            return "done";
        }
    }

    @Test
    void theResultArrivesBeforeTheSelfCheckAndCloseReportsTheNondeterminismItFound() {
        SleepsOnlyOnce.RUNS.set(0);
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setSeed(3).build());
        env.newWorker("q").registerWorkflowImplementationTypes(SleepsOnlyOnce.class);
        env.start();

        String result = env.getWorkflowClient().newWorkflowStub(Countdown.class,
                WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId("countdown").build()).run();

        assertThat(result).isEqualTo("done");
        assertThatThrownBy(env::close)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("self-check replay of a closed execution failed (seed 3)")
                .hasCauseInstanceOf(NonDeterministicException.class);
    }

    @Test
    void closeThrowsNothingWhenEveryReplayMatched() {
        SleepsOnlyOnce.RUNS.set(1); // never sleeps: its replay matches
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
        env.newWorker("q").registerWorkflowImplementationTypes(SleepsOnlyOnce.class);
        env.start();

        env.getWorkflowClient().newWorkflowStub(Countdown.class,
                WorkflowOptions.newBuilder().setTaskQueue("q").build()).run();

        env.close();
        assertThat(SleepsOnlyOnce.RUNS).hasValue(3);
    }

    @Test
    void anExecutionNobodyWaitedForIsSelfCheckedToo() {
        SleepsOnlyOnce.RUNS.set(0);
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setSeed(4).build());
        env.newWorker("q").registerWorkflowImplementationTypes(SleepsOnlyOnce.class);
        env.start();
        Countdown countdown = env.getWorkflowClient().newWorkflowStub(Countdown.class,
                WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId("unawaited").build());

        WorkflowClient.start(countdown::run);
        env.sleep(Duration.ofMinutes(2));

        assertThat(env.getWorkflowClient().fetchHistory("unawaited").getLastEvent().getEventType())
                .isEqualTo(EventType.WorkflowExecutionCompleted);
        assertThatThrownBy(env::close)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("self-check replay of a closed execution failed (seed 4)")
                .hasCauseInstanceOf(NonDeterministicException.class);
    }

    @Test
    void theNondeterminismFoundAtCloseNamesTheWorkflowCodeNotTheEnvironmentThatReplayedIt() {
        SleepsOnlyOnce.RUNS.set(0);
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
        env.newWorker("q").registerWorkflowImplementationTypes(SleepsOnlyOnce.class);
        env.start();
        env.getWorkflowClient().newWorkflowStub(Countdown.class,
                WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId("located").build()).run();

        assertThatThrownBy(env::close)
                .cause()
                .isInstanceOf(NonDeterministicException.class)
                .extracting(failure -> ((NonDeterministicException) failure).getLocation())
                .isEqualTo(SleepsOnlyOnce.class.getName() + ".run (after the workflow method returned)");
    }
}
