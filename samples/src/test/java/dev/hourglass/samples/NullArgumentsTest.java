package dev.hourglass.samples;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.samples.moneytransfer.AccountActivities;
import dev.hourglass.samples.moneytransfer.MoneyTransferWorkflow;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.testing.TestActivityEnvironment;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.faults.EffectLedger;
import dev.hourglass.testing.faults.Fault;
import dev.hourglass.testing.faults.FaultFuzzer;
import dev.hourglass.testing.faults.FaultPlan;
import dev.hourglass.testing.faults.FaultShrinker;
import dev.hourglass.testing.faults.FaultSpace;
import dev.hourglass.testing.faults.FuzzTrial;
import dev.hourglass.testing.faults.Outcome;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.ChildWorkflowOptions;
import dev.hourglass.workflow.Functions;
import dev.hourglass.workflow.Saga;
import dev.hourglass.workflow.Workflow;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code null} passed to a public method where none is allowed throws a {@link NullPointerException} whose
 * message is the parameter's name, before the method does anything else (such as asking whether it runs in
 * workflow code).
 */
class NullArgumentsTest {

    private static final FaultSpace SPACE = FaultSpace.newBuilder().addActivityTypes("deposit").build();

    private static WorkflowService service;
    private static WorkflowClient client;
    private static WorkerFactory factory;
    private static Worker worker;
    private static WorkflowStub stub;
    private static TestWorkflowEnvironment env;
    private static TestActivityEnvironment activities;

    @BeforeAll
    static void create() {
        service = WorkflowService.inMemory();
        client = WorkflowClient.newInstance(service);
        factory = WorkerFactory.newInstance(client);
        worker = factory.newWorker("nulls");
        stub = client.newUntypedWorkflowStub("MoneyTransferWorkflow", options());
        env = TestWorkflowEnvironment.newInstance();
        activities = TestActivityEnvironment.newInstance();
    }

    @AfterAll
    static void close() {
        activities.close();
        env.close();
        factory.shutdown();
        service.close();
    }

    private static WorkflowOptions options() {
        return WorkflowOptions.newBuilder().setTaskQueue("nulls").build();
    }

    static Stream<Arguments> calls() {
        Duration second = Duration.ofSeconds(1);
        Supplier<Boolean> always = () -> true;
        ActivityOptions activityOptions = ActivityOptions.newBuilder().setStartToCloseTimeout(second).build();
        return Stream.of(
                call("WorkflowClient.newInstance(service)", "service", () -> WorkflowClient.newInstance(null)),
                call("WorkflowClient.newInstance(service, options)", "options",
                        () -> WorkflowClient.newInstance(service, null)),
                call("newWorkflowStub(interface, options)", "workflowInterface",
                        () -> client.newWorkflowStub(null, options())),
                call("newWorkflowStub(interface, options)", "options",
                        () -> client.newWorkflowStub(MoneyTransferWorkflow.class, (WorkflowOptions) null)),
                call("newWorkflowStub(interface, workflowId)", "workflowInterface",
                        () -> client.newWorkflowStub(null, "id")),
                call("newWorkflowStub(interface, workflowId)", "workflowId",
                        () -> client.newWorkflowStub(MoneyTransferWorkflow.class, (String) null)),
                call("newUntypedWorkflowStub(workflowId)", "workflowId",
                        () -> client.newUntypedWorkflowStub((String) null)),
                call("newUntypedWorkflowStub(type, options)", "workflowType",
                        () -> client.newUntypedWorkflowStub(null, options())),
                call("newUntypedWorkflowStub(type, options)", "options",
                        () -> client.newUntypedWorkflowStub("T", null)),
                call("fetchHistory(workflowId)", "workflowId", () -> client.fetchHistory(null)),
                call("fetchHistory(workflowId, runId)", "workflowId", () -> client.fetchHistory(null, "run")),
                call("WorkflowClient.start(workflow)", "workflow", () -> WorkflowClient.start((Functions.Proc) null)),
                call("getResult(type)", "resultType", () -> stub.getResult(null)),
                call("getResult(type, generic)", "genericResultType", () -> stub.getResult(String.class, null)),
                call("getResultAsync(type)", "resultType", () -> stub.getResultAsync(null)),
                call("signal(name, args)", "signalName", () -> stub.signal(null)),
                call("query(type, resultType, args)", "queryType", () -> stub.query(null, String.class)),
                call("query(type, resultType, args)", "resultType", () -> stub.query("status", null)),
                call("WorkerFactory.newInstance(client)", "client", () -> WorkerFactory.newInstance(null)),
                call("WorkerFactory.newInstance(client, options)", "options",
                        () -> WorkerFactory.newInstance(client, null)),
                explained("newWorker(taskQueue)", "taskQueue", () -> factory.newWorker(null)),
                call("registerWorkflowImplementationTypes(types)", "workflowImplementationClasses",
                        () -> worker.registerWorkflowImplementationTypes((Class<?>[]) null)),
                call("registerWorkflowImplementationTypes(types)", "workflowImplementationClasses[0]",
                        () -> worker.registerWorkflowImplementationTypes(new Class<?>[] {null})),
                call("registerActivitiesImplementations(objects)", "activityImplementations",
                        () -> worker.registerActivitiesImplementations((Object[]) null)),
                call("registerActivitiesImplementations(objects)", "activityImplementations[0]",
                        () -> worker.registerActivitiesImplementations(new Object[] {null})),
                call("WorkflowService.inMemory(clock)", "clock", () -> WorkflowService.inMemory(null)),
                call("Workflow.sleep", "duration", () -> Workflow.sleep(null)),
                call("Workflow.newTimer", "duration", () -> Workflow.newTimer(null)),
                call("Workflow.await(condition)", "condition", () -> Workflow.await(null)),
                call("Workflow.await(timeout, condition)", "timeout", () -> Workflow.await(null, always)),
                call("Workflow.await(timeout, condition)", "condition", () -> Workflow.await(second, null)),
                call("Workflow.newActivityStub", "activityInterface",
                        () -> Workflow.newActivityStub(null, activityOptions)),
                explained("Workflow.newActivityStub", "options",
                        () -> Workflow.newActivityStub(AccountActivities.class, null)),
                call("Workflow.newChildWorkflowStub", "workflowInterface",
                        () -> Workflow.newChildWorkflowStub(null)),
                explained("Workflow.newChildWorkflowStub(options)", "options",
                        () -> Workflow.newChildWorkflowStub(MoneyTransferWorkflow.class, (ChildWorkflowOptions) null)),
                call("Workflow.sideEffect", "resultType", () -> Workflow.sideEffect(null, () -> 1)),
                call("Workflow.sideEffect", "supplier", () -> Workflow.sideEffect(Integer.class, null)),
                call("Workflow.getVersion", "changeId", () -> Workflow.getVersion(null, Workflow.DEFAULT_VERSION, 1)),
                call("Workflow.async(function)", "function", () -> Workflow.async((Functions.Func<Object>) null)),
                call("Workflow.async(procedure)", "procedure", () -> Workflow.async((Functions.Proc) null)),
                call("Workflow.newCancellationScope", "body", () -> Workflow.newCancellationScope(null)),
                call("Workflow.newDetachedCancellationScope", "body",
                        () -> Workflow.newDetachedCancellationScope(null)),
                call("Workflow.getLogger(type)", "type", () -> Workflow.getLogger((Class<?>) null)),
                call("Workflow.getLogger(name)", "name", () -> Workflow.getLogger((String) null)),
                call("new Saga(options)", "options", () -> new Saga(null)),
                call("Saga.addCompensation", "compensation",
                        () -> new Saga().addCompensation((Functions.Proc) null)),
                call("TestWorkflowEnvironment.newInstance(options)", "options",
                        () -> TestWorkflowEnvironment.newInstance(null)),
                explained("TestWorkflowEnvironment.newWorker", "taskQueue", () -> env.newWorker(null)),
                call("TestWorkflowEnvironment.sleep", "duration", () -> env.sleep(null)),
                call("TestWorkflowEnvironment.registerDelayedCallback", "delay",
                        () -> env.registerDelayedCallback(null, () -> { })),
                call("TestWorkflowEnvironment.registerDelayedCallback", "callback",
                        () -> env.registerDelayedCallback(second, null)),
                call("TestActivityEnvironment.registerActivitiesImplementations", "activityImplementations",
                        () -> activities.registerActivitiesImplementations((Object[]) null)),
                call("TestActivityEnvironment.newActivityStub", "activityInterface",
                        () -> activities.newActivityStub(null)),
                call("WorkflowClientOptions.setDataConverter", "dataConverter",
                        () -> WorkflowClientOptions.newBuilder().setDataConverter(null)),
                call("FaultSpace.sample", "random", () -> SPACE.sample(null)),
                call("FaultSpace.Builder.addActivityTypes", "activityTypes",
                        () -> FaultSpace.newBuilder().addActivityTypes((String[]) null)),
                call("FaultSpace.Builder.addSignal", "workflowId",
                        () -> FaultSpace.newBuilder().addSignal(null, "pickedUp", second)),
                call("FaultSpace.Builder.addSignal", "maxDelay",
                        () -> FaultSpace.newBuilder().addSignal("order-1", "pickedUp", null)),
                call("FaultSpace.Builder.setKinds", "kinds",
                        () -> FaultSpace.newBuilder().setKinds((Fault.Kind[]) null)),
                call("FaultFuzzer.Builder.setFaultSpace", "faultSpace",
                        () -> FaultFuzzer.newBuilder().setFaultSpace(null)),
                call("FaultFuzzer.run", "body",
                        () -> FaultFuzzer.newBuilder().setSeed(1L).setFaultSpace(SPACE).build().run(null)),
                call("FuzzTrial.of", "plan", () -> FuzzTrial.of(1L, null)),
                call("FuzzTrial.environmentOptions(base)", "base",
                        () -> FuzzTrial.of(1L, FaultPlan.none()).environmentOptions(null)),
                call("FaultShrinker.candidates", "plan", () -> FaultShrinker.candidates(null)),
                call("FaultShrinker.shrink", "failing", () -> FaultShrinker.shrink(null, plan -> true)),
                call("FaultShrinker.shrink", "stillFails", () -> FaultShrinker.shrink(FaultPlan.none(), null)),
                call("EffectLedger.apply", "key", () -> new EffectLedger().apply(null)),
                call("Outcome.of", "call", () -> Outcome.of(null)));
    }

    /** A call whose null argument is a {@link NullPointerException} whose message is the parameter's name. */
    private static Arguments call(String method, String parameter, ThrowingCallable call) {
        return Arguments.of(method, parameter, NullPointerException.class, call);
    }

    /**
     * A call whose null argument is a mistake worth explaining: an {@link IllegalArgumentException} whose message
     * names the parameter or what to pass instead.
     */
    private static Arguments explained(String method, String named, ThrowingCallable call) {
        return Arguments.of(method, named, IllegalArgumentException.class, call);
    }

    @ParameterizedTest(name = "{0} with a null {1}")
    @MethodSource("calls")
    void aNullArgumentIsNamed(String method, String parameter, Class<? extends Throwable> expected,
            ThrowingCallable call) {
        if (expected == NullPointerException.class) {
            assertThatThrownBy(call).isExactlyInstanceOf(NullPointerException.class).hasMessage(parameter);
        } else {
            assertThatThrownBy(call).isExactlyInstanceOf(expected).hasMessageContaining(parameter);
        }
    }
}
