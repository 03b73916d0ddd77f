package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityExecutionContext;
import dev.hourglass.activity.ActivityInfo;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowClientCallsInterceptor;
import dev.hourglass.client.WorkflowClientCallsInterceptorBase;
import dev.hourglass.client.WorkflowClientInterceptor;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.interceptors.ActivityInboundCallsInterceptor;
import dev.hourglass.interceptors.ActivityInboundCallsInterceptorBase;
import dev.hourglass.interceptors.WorkerInterceptor;
import dev.hourglass.interceptors.WorkflowInboundCallsInterceptor;
import dev.hourglass.interceptors.WorkflowInboundCallsInterceptorBase;
import dev.hourglass.interceptors.WorkflowOutboundCallsInterceptor;
import dev.hourglass.interceptors.WorkflowOutboundCallsInterceptorBase;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.worker.WorkerFactoryOptions;
import dev.hourglass.worker.WorkflowImplementationOptions;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Worker and client interceptors on every service: two worker interceptors, A (registered first, the outermost) and
 * B, and a client interceptor log what they see in one log; A changes inputs, results and arguments where a test
 * asks it to.
 */
class InterceptorTest {

    @WorkflowInterface
    public interface Greeter {
        @WorkflowMethod
        String greet(String name);
    }

    @ActivityInterface
    public interface Texts {
        String compose(String greeting, String name);

        String shout(String text);
    }

    public static class GreeterImpl implements Greeter {
        private final Texts texts = Workflow.newActivityStub(Texts.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

        @Override
        public String greet(String name) {
            return texts.shout(texts.compose("Hello", name));
        }
    }

    public static class TextsImpl implements Texts {
        @Override
        public String compose(String greeting, String name) {
            return greeting + ", " + name;
        }

        @Override
        public String shout(String text) {
            return text.toUpperCase(java.util.Locale.ROOT);
        }
    }

    @WorkflowInterface
    public interface Approval {
        @WorkflowMethod
        String awaitApproval();

        @SignalMethod
        void approve(String approver);

        @QueryMethod
        String approver();
    }

    public static class ApprovalImpl implements Approval {
        private String approver;

        @Override
        public String awaitApproval() {
            Workflow.await(() -> approver != null);
            return "approved by " + approver;
        }

        @Override
        public void approve(String approver) {
            this.approver = approver;
        }

        @Override
        public String approver() {
            return approver;
        }
    }

    /** What the interceptors saw, in order; the workflow side marks what it saw while replaying. */
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    /** When set, interceptor A runs the workflow method with this name instead of the one it was started with. */
    private volatile String changedName;
    /** When set, interceptor A appends this to the workflow's result. */
    private volatile String resultSuffix;
    /** When set, interceptor A makes the compose activity use this greeting. */
    private volatile String changedGreeting;

    private final Recording a = new Recording("A");
    private final Recording b = new Recording("B");

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(GreeterImpl.class, ApprovalImpl.class)
            .registerActivitiesImplementations(new TextsImpl())
            .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkerInterceptors(a, b).build())
            .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setInterceptors(new ClientRecording())
                    .build())
            .build();

    @Test
    void inboundInterceptorSeesAndChangesTheWorkflowsInputAndResult() {
        changedName = "Earth";
        resultSuffix = "!";

        String result = env.newWorkflowStub(Greeter.class, "greet-input").greet("world");

        assertThat(result).isEqualTo("HELLO, EARTH!");
        assertThat(live("A execute")).containsExactly("A execute [world]", "A execute returned HELLO, EARTH");
        assertThat(live("B execute")).containsExactly("B execute [Earth]", "B execute returned HELLO, EARTH");
        History history = env.history("greet-input");
        assertThat(JsonPayload.node(Events.single(history, WorkflowExecutionStartedAttributes.class).input())
                .toString()).isEqualTo("[\"world\"]");
    }

    @Test
    void outboundInterceptorSeesEveryActivityCallWithItsNameAndArguments() {
        env.newWorkflowStub(Greeter.class, "greet-outbound").greet("world");

        assertThat(live("A activity")).containsExactly("A activity compose [Hello, world]",
                "A activity shout [Hello, world]");
    }

    @Test
    void outboundInterceptorChangesActivityArgumentsBeforeTheyAreRecorded() {
        changedGreeting = "Howdy";

        String result = env.newWorkflowStub(Greeter.class, "greet-arguments").greet("world");

        assertThat(result).isEqualTo("HOWDY, WORLD");
        ActivityTaskScheduledAttributes compose = Events.ofType(env.history("greet-arguments"),
                ActivityTaskScheduledAttributes.class).get(0);
        assertThat(JsonPayload.node(compose.input()).toString()).isEqualTo("[\"Howdy\",\"world\"]");
    }

    @Test
    void activityInboundInterceptorSeesTheInputAndTheContextOfEachAttempt() {
        env.newWorkflowStub(Greeter.class, "greet-activity").greet("world");

        assertThat(live("A attempt")).containsExactly(
                "A attempt compose [Hello, world] of greet-activity, attempt 1",
                "A attempt shout [Hello, world] of greet-activity, attempt 1");
    }

    @Test
    void chainsApplyInTheOrderGivenTheFirstOutermost() {
        env.newWorkflowStub(Greeter.class, "greet-order").greet("world");

        // inbound calls reach A first; outbound calls leave through A last, as A wraps what B passes on
        assertThat(live("execute [")).containsExactly("A execute [world]", "B execute [world]");
        assertThat(live("activity compose")).containsExactly("B activity compose [Hello, world]",
                "A activity compose [Hello, world]");
        assertThat(live("attempt compose")).containsExactly(
                "A attempt compose [Hello, world] of greet-order, attempt 1",
                "B attempt compose [Hello, world] of greet-order, attempt 1");
    }

    @Test
    void signalAndQueryPassThroughTheInboundInterceptors() {
        Approval approval = env.newWorkflowStub(Approval.class, "approval-inbound");
        WorkflowClient.start(approval::awaitApproval);

        approval.approve("bob");
        String result = env.client().newUntypedWorkflowStub("approval-inbound").getResult(String.class);

        assertThat(result).isEqualTo("approved by bob");
        assertThat(approval.approver()).isEqualTo("bob");
        long signaled = Events.single(env.history("approval-inbound"), EventType.WorkflowExecutionSignaled)
                .getEventId();
        assertThat(live("A signal")).containsExactly("A signal approve [bob] at event " + signaled);
        assertThat(log).contains("A query approver []", "B query approver []");
    }

    @Test
    void clientInterceptorSeesTheCallsOfTypedStubs() {
        Approval approval = env.newWorkflowStub(Approval.class, "approval-typed");
        WorkflowClient.start(approval::awaitApproval);
        approval.approve("bob");
        approval.approver();
        String result = WorkflowStub.fromTyped(approval).getResult(String.class);

        assertThat(result).isEqualTo("approved by bob");
        assertThat(live("client")).containsExactly("client start Approval [] as approval-typed",
                "client signal approve [bob] to approval-typed", "client query approver [] of approval-typed",
                "client getResult String of approval-typed");
    }

    @Test
    void clientInterceptorSeesTheCallsOfUntypedStubs() throws TimeoutException {
        WorkflowStub stub = env.client().newUntypedWorkflowStub("Approval",
                env.options("approval-untyped").build());
        stub.start();
        stub.signal("approve", "carol");
        stub.query("approver", String.class);
        String result = stub.getResult(10, java.util.concurrent.TimeUnit.SECONDS, String.class);

        assertThat(result).isEqualTo("approved by carol");
        assertThat(live("client")).containsExactly("client start Approval [] as approval-untyped",
                "client signal approve [carol] to approval-untyped", "client query approver [] of approval-untyped",
                "client getResult String of approval-untyped within 10 SECONDS");
    }

    @Test
    void interceptorsRunAgainOnReplayAndTheHistoryReplaysWithThem() {
        changedGreeting = "Howdy";
        env.newWorkflowStub(Greeter.class, "greet-replay").greet("world");
        History history = env.history("greet-replay");

        List<String> withInterceptors = replay(history, List.of(a, b));

        assertThat(withInterceptors).isEmpty();
        assertThat(log).contains("A (replay) activity compose [Hello, world]", "B (replay) execute [world]");
        assertThat(env.history("greet-replay")).isEqualTo(history);
    }

    @Test
    void replayWithoutTheInterceptorsThatChangedArgumentsReportsTheDifference() {
        changedGreeting = "Howdy";
        env.newWorkflowStub(Greeter.class, "greet-replay-without").greet("world");

        List<String> withoutInterceptors = replay(env.history("greet-replay-without"), List.of());

        assertThat(withoutInterceptors).singleElement().asString()
                .contains("history recorded [\"Howdy\",\"world\"], the code now gives [\"Hello\",\"world\"]");
    }

    private static List<String> replay(History history, List<WorkerInterceptor> interceptors) {
        return Replayer.replay(history, false, PayloadConverter.getDefault(), true,
                WorkflowImplementationOptions.getDefaultInstance(), interceptors, GreeterImpl.class);
    }

    /** The entries logged while not replaying that contain {@code fragment}, in order. */
    private List<String> live(String fragment) {
        synchronized (log) {
            return log.stream().filter(entry -> entry.contains(fragment) && !entry.contains("(replay)")).toList();
        }
    }

    /** A worker interceptor that logs every call under its name; interceptor A applies the test's changes. */
    private final class Recording implements WorkerInterceptor {
        private final String name;

        Recording(String name) {
            this.name = name;
        }

        private void record(String entry) {
            log.add(name + (Workflow.isReplaying() ? " (replay) " : " ") + entry);
        }

        private boolean changes() {
            return name.equals("A");
        }

        @Override
        public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
            return new WorkflowInboundCallsInterceptorBase(next) {
                @Override
                public void init(WorkflowOutboundCallsInterceptor outbound) {
                    super.init(new Outbound(outbound));
                }

                @Override
                public WorkflowOutput execute(WorkflowInput input) {
                    record("execute " + Arrays.toString(input.getArguments()));
                    WorkflowInput passed = changes() && changedName != null
                            ? new WorkflowInput(new Object[] {changedName}) : input;
                    WorkflowOutput output = super.execute(passed);
                    record("execute returned " + output.getResult());
                    return changes() && resultSuffix != null
                            ? new WorkflowOutput(output.getResult() + resultSuffix) : output;
                }

                @Override
                public void handleSignal(SignalInput input) {
                    record("signal " + input.getSignalName() + " " + Arrays.toString(input.getArguments())
                            + " at event " + input.getEventId());
                    super.handleSignal(input);
                }

                @Override
                public QueryOutput handleQuery(QueryInput input) {
                    log.add(name + " query " + input.getQueryName() + " " + Arrays.toString(input.getArguments()));
                    return super.handleQuery(input);
                }
            };
        }

        @Override
        public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
            return new ActivityInboundCallsInterceptorBase(next) {
                private ActivityExecutionContext context;

                @Override
                public void init(ActivityExecutionContext context) {
                    this.context = context;
                    super.init(context);
                }

                @Override
                public ActivityOutput execute(ActivityInput input) {
                    ActivityInfo info = context.getInfo();
                    log.add(name + " attempt " + info.getActivityType() + " " + Arrays.toString(input.getArguments())
                            + " of " + info.getWorkflowId() + ", attempt " + info.getAttempt());
                    return super.execute(input);
                }
            };
        }

        /** Logs the activity calls of the workflow code; interceptor A changes the compose greeting. */
        private final class Outbound extends WorkflowOutboundCallsInterceptorBase {
            Outbound(WorkflowOutboundCallsInterceptor next) {
                super(next);
            }

            @Override
            public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
                record("activity " + input.getActivityType() + " " + Arrays.toString(input.getArgs()));
                if (changes() && changedGreeting != null && input.getActivityType().equals("compose")) {
                    Object[] args = input.getArgs();
                    args[0] = changedGreeting;
                    return super.executeActivity(new ActivityInput<>(input.getActivityType(), input.getResultClass(),
                            input.getResultType(), args, input.getOptions()));
                }
                return super.executeActivity(input);
            }
        }
    }

    /** A client interceptor that logs the workflow calls of the client's stubs. */
    private final class ClientRecording implements WorkflowClientInterceptor {
        @Override
        public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
            return new WorkflowClientCallsInterceptorBase(next) {
                @Override
                public WorkflowStartOutput start(WorkflowStartInput input) {
                    log.add("client start " + input.getWorkflowType() + " " + Arrays.toString(input.getArguments())
                            + " as " + input.getWorkflowId());
                    return super.start(input);
                }

                @Override
                public WorkflowSignalOutput signal(WorkflowSignalInput input) {
                    log.add("client signal " + input.getSignalName() + " " + Arrays.toString(input.getArguments())
                            + " to " + input.getWorkflowExecution().getWorkflowId());
                    return super.signal(input);
                }

                @Override
                public <R> QueryOutput<R> query(QueryInput<R> input) {
                    log.add("client query " + input.getQueryType() + " " + Arrays.toString(input.getArguments())
                            + " of " + input.getWorkflowExecution().getWorkflowId());
                    return super.query(input);
                }

                @Override
                public <R> GetResultOutput<R> getResult(GetResultInput<R> input) throws TimeoutException {
                    log.add("client getResult " + input.getResultClass().getSimpleName() + " of "
                            + input.getWorkflowExecution().getWorkflowId() + (input.getTimeoutUnit() == null ? ""
                            : " within " + input.getTimeout() + " " + input.getTimeoutUnit()));
                    return super.getResult(input);
                }
            };
        }
    }
}
