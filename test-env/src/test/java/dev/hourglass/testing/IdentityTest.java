package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.history.ActivityTaskStartedAttributes;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.WorkflowExecutionCancelRequestedAttributes;
import dev.hourglass.history.WorkflowExecutionSignaledAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.history.WorkflowExecutionTerminatedAttributes;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerOptions;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The identity of a client and of its workers, recorded on the events they cause. */
class IdentityTest {

    private static final String QUEUE = "greetings";

    @WorkflowInterface
    public interface Greeter {
        @WorkflowMethod
        String greet();

        @SignalMethod
        void name(String name);
    }

    @ActivityInterface
    public interface Greetings {
        String hello(String name);
    }

    public static class GreeterImpl implements Greeter {
        private final Greetings greetings = Workflow.newActivityStub(Greetings.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
        private String name;

        @Override
        public String greet() {
            Workflow.await(() -> name != null);
            return greetings.hello(name);
        }

        @Override
        public void name(String name) {
            this.name = name;
        }
    }

    public static class GreetingsImpl implements Greetings {
        @Override
        public String hello(String name) {
            return "hello " + name;
        }
    }

    private TestWorkflowEnvironment env;

    @AfterEach
    void tearDown() {
        if (env != null) {
            env.close();
        }
    }

    private WorkflowClient clientWithIdentity(String identity, WorkerOptions workerOptions) {
        WorkflowClientOptions.Builder client = WorkflowClientOptions.newBuilder();
        if (identity != null) {
            client.setIdentity(identity);
        }
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(client.build())
                .build());
        Worker worker = env.newWorker(QUEUE, workerOptions);
        worker.registerWorkflowImplementationTypes(GreeterImpl.class);
        worker.registerActivitiesImplementations(new GreetingsImpl());
        return env.getWorkflowClient();
    }

    private WorkflowStub started(WorkflowClient client) {
        WorkflowStub stub = client.newUntypedWorkflowStub("Greeter",
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("greeter-1").build());
        stub.start();
        return stub;
    }

    /** Runs a greeting to its end: started, signaled, its activity run. */
    private History greeted(String clientIdentity, WorkerOptions workerOptions) {
        WorkflowClient client = clientWithIdentity(clientIdentity, workerOptions);
        env.start();
        WorkflowStub stub = started(client);
        stub.signal("name", "ada");
        assertThat(stub.getResult(String.class)).isEqualTo("hello ada");
        return client.fetchHistory("greeter-1");
    }

    private static <A extends EventAttributes> A first(History history, EventType type, Class<A> attributes) {
        return history.getEvents().stream()
                .filter(event -> event.getEventType() == type)
                .findFirst()
                .orElseThrow()
                .getAttributes(attributes);
    }

    @Test
    void theStartedEventRecordsTheIdentityOfTheClientThatStartedTheWorkflow() {
        History history = greeted("client-7", WorkerOptions.getDefaultInstance());

        assertThat(first(history, EventType.WorkflowExecutionStarted, WorkflowExecutionStartedAttributes.class)
                .identity()).isEqualTo("client-7");
    }

    @Test
    void aSignalRecordsTheIdentityOfTheClientThatSentIt() {
        History history = greeted("client-7", WorkerOptions.getDefaultInstance());

        assertThat(first(history, EventType.WorkflowExecutionSignaled, WorkflowExecutionSignaledAttributes.class)
                .identity()).isEqualTo("client-7");
    }

    @Test
    void aSignalWithStartRecordsTheClientsIdentityOnTheStartAndTheSignal() {
        WorkflowClient client = clientWithIdentity("client-7", WorkerOptions.getDefaultInstance());
        env.start();
        WorkflowStub stub = client.newUntypedWorkflowStub("Greeter",
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("greeter-1").build());

        stub.signalWithStart("name", new Object[] {"ada"}, new Object[0]);
        stub.getResult(String.class);

        History history = client.fetchHistory("greeter-1");
        assertThat(first(history, EventType.WorkflowExecutionStarted, WorkflowExecutionStartedAttributes.class)
                .identity()).isEqualTo("client-7");
        assertThat(first(history, EventType.WorkflowExecutionSignaled, WorkflowExecutionSignaledAttributes.class)
                .identity()).isEqualTo("client-7");
    }

    @Test
    void anActivityAttemptRecordsTheClientsIdentityForTheWorkerThatRanIt() {
        History history = greeted("client-7", WorkerOptions.getDefaultInstance());

        assertThat(first(history, EventType.ActivityTaskStarted, ActivityTaskStartedAttributes.class).identity())
                .isEqualTo("client-7");
    }

    @Test
    void aWorkersOwnIdentityOverridesTheClientsOnTheAttemptsItRuns() {
        History history = greeted("client-7", WorkerOptions.newBuilder().setIdentity("worker-3").build());

        assertThat(first(history, EventType.ActivityTaskStarted, ActivityTaskStartedAttributes.class).identity())
                .isEqualTo("worker-3");
        assertThat(first(history, EventType.WorkflowExecutionStarted, WorkflowExecutionStartedAttributes.class)
                .identity()).isEqualTo("client-7");
    }

    @Test
    void aCancelRequestRecordsTheIdentityOfTheClientThatAsked() {
        WorkflowClient client = clientWithIdentity("operator", WorkerOptions.getDefaultInstance());
        env.start();
        WorkflowStub stub = started(client);

        stub.cancel();
        // a request that comes while a workflow task runs is recorded after it: wait for the run to close
        assertThatThrownBy(() -> stub.getResult(String.class)).isInstanceOf(WorkflowFailedException.class);

        History history = client.fetchHistory("greeter-1");
        assertThat(first(history, EventType.WorkflowExecutionCancelRequested,
                WorkflowExecutionCancelRequestedAttributes.class).identity()).isEqualTo("operator");
    }

    @Test
    void aTerminationRecordsTheIdentityOfTheClientThatTerminated() {
        WorkflowClient client = clientWithIdentity("operator", WorkerOptions.getDefaultInstance());
        env.start();
        WorkflowStub stub = started(client);

        stub.terminate("no longer needed");

        assertThat(client.fetchHistory("greeter-1").getLastEvent()
                .getAttributes(WorkflowExecutionTerminatedAttributes.class))
                .isEqualTo(new WorkflowExecutionTerminatedAttributes("no longer needed", "operator"));
    }

    @Test
    void withoutAnIdentityNoEventRecordsOne() {
        History history = greeted(null, WorkerOptions.getDefaultInstance());

        assertThat(history.toJson()).doesNotContain("\"identity\"");
    }

    @Test
    void replayIgnoresTheIdentitiesRecordedInAHistory() {
        History history = greeted("client-7", WorkerOptions.newBuilder().setIdentity("worker-3").build());

        assertThat(Replayer.replay(history, true, GreeterImpl.class)).isEmpty();
    }

    @Test
    void aBlankClientIdentityIsRejectedSayingWhatToPass() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkflowClientOptions.newBuilder().setIdentity(" "))
                .withMessageContaining("identity must not be blank")
                .withMessageContaining("or null for none");
    }

    @Test
    void aBlankWorkerIdentityIsRejectedSayingWhatToPass() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkerOptions.newBuilder().setIdentity(""))
                .withMessageContaining("identity must not be blank")
                .withMessageContaining("or null for the client's identity");
    }

    @Test
    void clientOptionsHaveNoIdentityByDefault() {
        assertThat(WorkflowClientOptions.getDefaultInstance().getIdentity()).isNull();
        assertThat(WorkerOptions.getDefaultInstance().getIdentity()).isNull();
    }
}
