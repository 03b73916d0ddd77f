package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An activity attempt that ends in an {@code Error} of the JVM, or whose result cannot be encoded, fails as that
 * attempt, with the error's type and message, instead of leaving the environment waiting for it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ActivityErrorsTest {

    @ActivityInterface
    public interface Misbehaving {
        String overflow();

        String runOutOfMemory();

        Map<String, Object> selfContaining();
    }

    public static class MisbehavingImpl implements Misbehaving {
        @Override
        public String overflow() {
            throw new StackOverflowError("recursed too deep");
        }

        @Override
        public String runOutOfMemory() {
            throw new OutOfMemoryError("no room for the ledger");
        }

        @Override
        public Map<String, Object> selfContaining() {
            Map<String, Object> ledger = new HashMap<>();
            ledger.put("self", ledger);
            return ledger;
        }
    }

    @WorkflowInterface
    public interface Caller {
        @WorkflowMethod
        String call(String activity);
    }

    /** Calls one activity once and returns how it failed: the cause's type and message. */
    public static class CallerImpl implements Caller {
        private final Misbehaving misbehaving = Workflow.newActivityStub(Misbehaving.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1))
                        .setRetryPolicy(RetryPolicy.newBuilder().setMaximumAttempts(1).build()).build());

        @Override
        public String call(String activity) {
            try {
                switch (activity) {
                    case "overflow":
                        return misbehaving.overflow();
                    case "runOutOfMemory":
                        return misbehaving.runOutOfMemory();
                    default:
                        return String.valueOf(misbehaving.selfContaining());
                }
            } catch (ActivityFailure e) {
                ApplicationFailure cause = (ApplicationFailure) e.getCause();
                return cause.getType() + ": " + cause.getOriginalMessage();
            }
        }
    }

    private TestWorkflowEnvironment env;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker("errors");
        worker.registerWorkflowImplementationTypes(CallerImpl.class);
        worker.registerActivitiesImplementations(new MisbehavingImpl());
        env.start();
    }

    @AfterEach
    void close() {
        env.close();
    }

    private String call(String activity) {
        return env.getWorkflowClient().newWorkflowStub(Caller.class,
                WorkflowOptions.newBuilder().setTaskQueue("errors").build()).call(activity);
    }

    @Test
    void aStackOverflowErrorFailsTheAttemptWithItsTypeAndMessage() {
        assertThat(call("overflow")).isEqualTo("java.lang.StackOverflowError: recursed too deep");
    }

    @Test
    void anOutOfMemoryErrorFailsTheAttemptWithItsTypeAndMessage() {
        assertThat(call("runOutOfMemory")).isEqualTo("java.lang.OutOfMemoryError: no room for the ledger");
    }

    @Test
    void aResultThatCannotBeEncodedFailsTheAttemptSayingWhy() {
        assertThat(call("selfContaining"))
                .startsWith("ResultNotEncodable: the result of activity selfContaining (a java.util.HashMap)"
                        + " cannot be encoded as JSON: ");
    }
}
