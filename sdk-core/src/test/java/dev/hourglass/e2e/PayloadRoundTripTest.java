package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.history.History;
import dev.hourglass.history.PayloadSamples;
import dev.hourglass.history.PayloadSamples.Everything;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A value of every kind users pass goes through every path a payload takes (workflow argument, activity
 * argument and result, signal, query, workflow result, and a history written to JSON and replayed) and comes
 * back equal. The value is drawn by {@link PayloadSamples#everything(long)} from each case's seed.
 */
class PayloadRoundTripTest {

    @WorkflowInterface
    public interface RoundTrip {
        @WorkflowMethod
        Everything roundTrip(Everything sent);

        @SignalMethod
        void deliver(Everything value);

        @QueryMethod
        Everything delivered();
    }

    @ActivityInterface
    public interface Echo {
        Everything echo(Everything value);
    }

    /** Records every value the workflow code sees, live and on replay, by workflow id. */
    public static class RoundTripImpl implements RoundTrip {
        static final Map<String, List<Everything>> SEEN = new ConcurrentHashMap<>();

        private final Echo echo = Workflow.newActivityStub(Echo.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
        private Everything delivered;

        @Override
        public Everything roundTrip(Everything sent) {
            see(sent);
            Everything echoed = echo.echo(sent);
            see(echoed);
            Workflow.await(() -> delivered != null);
            see(delivered);
            return echoed;
        }

        @Override
        public void deliver(Everything value) {
            delivered = value;
        }

        @Override
        public Everything delivered() {
            return delivered;
        }

        private static void see(Everything value) {
            SEEN.computeIfAbsent(Workflow.getInfo().getWorkflowId(), id -> new ArrayList<>()).add(value);
        }
    }

    /** Returns its argument, and remembers the last one. */
    static final class EchoImpl implements Echo {
        volatile Everything received;

        @Override
        public Everything echo(Everything value) {
            received = value;
            return value;
        }
    }

    private final EchoImpl echo = new EchoImpl();

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(RoundTripImpl.class)
            .registerActivitiesImplementations(echo)
            .build();

    static LongStream seeds() {
        return LongStream.range(0, 5);
    }

    @Test
    void oneSeed() {
        everyPathGivesBackAnEqualValue(0);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyPathGivesBackAnEqualValue(long seed) {
        Everything value = PayloadSamples.everything(seed);
        String workflowId = "round-trip-" + seed;
        RoundTrip workflow = env.newWorkflowStub(RoundTrip.class, workflowId);

        WorkflowClient.start(workflow::roundTrip, value);
        workflow.deliver(value);
        Everything result = env.client().newUntypedWorkflowStub(workflowId).getResult(Everything.class);

        assertThat(result).as("workflow result, seed %d", seed).isEqualTo(value);
        assertThat(echo.received).as("activity argument, seed %d", seed).isEqualTo(value);
        assertThat(workflow.delivered()).as("query result, seed %d", seed).isEqualTo(value);
        // the worker may run the code more than once (it replays executions it did not keep in its cache)
        assertThat(RoundTripImpl.SEEN.remove(workflowId)).as("workflow argument, activity result and signal, seed %d",
                seed).hasSizeGreaterThanOrEqualTo(3).containsOnly(value);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void replayOfTheHistoryReadFromJsonSeesEqualValues(long seed) {
        Everything value = PayloadSamples.everything(seed);
        String workflowId = "replayed-" + seed;
        RoundTrip workflow = env.newWorkflowStub(RoundTrip.class, workflowId);
        WorkflowClient.start(workflow::roundTrip, value);
        workflow.deliver(value);
        env.client().newUntypedWorkflowStub(workflowId).getResult(Everything.class);
        History read = History.fromJson(env.history(workflowId).toJson());
        RoundTripImpl.SEEN.remove(workflowId);

        Replayer.replay(read, true, RoundTripImpl.class);

        assertThat(RoundTripImpl.SEEN.remove(workflowId)).as("values replay saw, seed %d", seed)
                .containsExactly(value, value, value);
    }
}
