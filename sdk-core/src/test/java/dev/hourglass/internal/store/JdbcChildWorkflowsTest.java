package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.ServicePair.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.ChildWorkflowExecutionFailedAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.Payload;
import dev.hourglass.history.RequestCancelChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.history.WorkflowExecutionCanceledAttributes;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.history.WorkflowExecutionFailedAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.service.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Child workflows in the JDBC service, on every dialect: each scenario runs on the in-memory service too, and the JDBC
 * service must record the same histories, event by event.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcChildWorkflowsTest {

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private TestDatabase database;
    private ServicePair services;

    @BeforeEach
    void open() {
        database = TestDatabase.create(dialect, dir);
        services = new ServicePair(database);
    }

    @AfterEach
    void close() throws Exception {
        try {
            if (services != null) {
                services.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    private static StartWorkflowRequest order(String workflowId) {
        return StartWorkflowRequest.of(workflowId, "Order", "orders", Payload.fromJson("[\"book\"]"),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, null);
    }

    private static StartChildWorkflowExecutionInitiatedAttributes packing(String childId, String workflowId,
            WorkflowIdReusePolicy policy) {
        return new StartChildWorkflowExecutionInitiatedAttributes(childId, workflowId, "Packing", "packing",
                Payload.fromJson("[\"book\"]"), null, policy);
    }

    private static StartChildWorkflowExecutionInitiatedAttributes packing(String childId, String workflowId) {
        return packing(childId, workflowId, null);
    }

    /** Starts order-1, whose first task starts its child order-1-pack. */
    private void startOrderWithChild() {
        services.start(order("order-1"));
        services.pollAndComplete("orders", packing("1", "order-1-pack"));
    }

    @Test
    void aStartedChildIsRecordedInTheParentAndTheChildAsInMemory() {
        startOrderWithChild();

        List<History> histories = services.histories("order-1", "order-1-pack");

        assertThat(types(histories.get(0))).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.StartChildWorkflowExecutionInitiated, EventType.ChildWorkflowExecutionStarted);
        WorkflowExecutionStartedAttributes child = histories.get(1).getEvents().get(0)
                .getAttributes(WorkflowExecutionStartedAttributes.class);
        assertThat(child.parentWorkflowId()).isEqualTo("order-1");
        assertThat(child.parentRunId()).isEqualTo(histories.get(0).getRunId());
    }

    @Test
    void theChildRunRecordsItsParentsWorkflowIdRunIdAndChildId() throws Exception {
        startOrderWithChild();
        String parentRunId = services.history("order-1", null).getRunId();

        assertThat(database.query("SELECT parent_workflow_id || ' ' || parent_run_id || ' ' || parent_child_id"
                + " FROM hourglass_runs WHERE workflow_id = 'order-1-pack'"))
                .containsExactly("order-1 " + parentRunId + " 1");
    }

    @Test
    void theChildsFirstWorkflowTaskIsQueuedOnItsTaskQueue() {
        startOrderWithChild();

        ServicePair.Tasks tasks = services.poll("packing");

        assertThat(tasks).isNotNull();
        assertThat(tasks.jdbc().history().getWorkflowId()).isEqualTo("order-1-pack");
    }

    @Test
    void aChildWhoseWorkflowIdIsOpenFailsToStartAsInMemory() {
        services.start(StartWorkflowRequest.of("order-1-pack", "Packing", "packing", Payload.fromJson("[]"),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, null));

        startOrderWithChild();

        History parent = services.history("order-1", null);
        assertThat(parent.getLastEvent().getEventType()).isEqualTo(EventType.ChildWorkflowExecutionFailed);
        assertThat(JsonPayload.node(parent.getLastEvent().getAttributes(ChildWorkflowExecutionFailedAttributes.class)
                .failure()).path("type").asText()).isEqualTo("WorkflowExecutionAlreadyStarted");
    }

    @Test
    void aChildWhoseReusePolicyRefusesTheClosedIdFailsToStartAsInMemory() {
        services.start(StartWorkflowRequest.of("order-1-pack", "Packing", "packing", Payload.fromJson("[]"),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, null));
        services.pollAndComplete("packing", new WorkflowExecutionCompletedAttributes(Payload.of("packed")));
        services.start(order("order-1"));

        services.pollAndComplete("orders", packing("1", "order-1-pack", WorkflowIdReusePolicy.REJECT_DUPLICATE));

        History parent = services.history("order-1", null);
        assertThat(parent.getLastEvent().getEventType()).isEqualTo(EventType.ChildWorkflowExecutionFailed);
    }

    @Test
    void aChildMayReuseTheIdOfAClosedRunWhenItsPolicyAllows() {
        services.start(StartWorkflowRequest.of("order-1-pack", "Packing", "packing", Payload.fromJson("[]"),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, null));
        services.pollAndComplete("packing", new WorkflowExecutionFailedAttributes(Payload.fromJson("{}")));
        services.start(order("order-1"));

        services.pollAndComplete("orders", packing("1", "order-1-pack",
                WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY));

        assertThat(services.history("order-1", null).getLastEvent().getEventType())
                .isEqualTo(EventType.ChildWorkflowExecutionStarted);
        services.history("order-1-pack", null);
    }

    /** How a child closes. */
    enum Close {
        COMPLETED, FAILED, CANCELED, TERMINATED
    }

    @ParameterizedTest
    @EnumSource(Close.class)
    void eachWayAChildClosesReachesItsParentAsInMemory(Close close) {
        startOrderWithChild();

        switch (close) {
            case COMPLETED -> services.pollAndComplete("packing",
                    new WorkflowExecutionCompletedAttributes(Payload.of("packed")));
            case FAILED -> services.pollAndComplete("packing", new WorkflowExecutionFailedAttributes(
                    Payload.fromJson("{\"message\":\"no box\",\"type\":\"NoBox\"}")));
            case CANCELED -> services.pollAndComplete("packing", new WorkflowExecutionCanceledAttributes());
            case TERMINATED -> services.both(service -> service.terminateWorkflow("order-1-pack", null, "by hand",
                    null));
        }

        History parent = services.histories("order-1", "order-1-pack").get(0);
        assertThat(parent.getLastEvent().getEventType()).isEqualTo(switch (close) {
            case COMPLETED -> EventType.ChildWorkflowExecutionCompleted;
            case CANCELED -> EventType.ChildWorkflowExecutionCanceled;
            case FAILED, TERMINATED -> EventType.ChildWorkflowExecutionFailed;
        });
    }

    @Test
    void aChildThatClosesWhileItsParentsTaskRunsReachesTheParentAfterThatTask() {
        startOrderWithChild();
        ServicePair.Tasks parentTask = services.poll("orders");

        services.pollAndComplete("packing", new WorkflowExecutionCompletedAttributes(Payload.of("packed")));
        services.complete(parentTask, new TimerStartedAttributes("t1", Duration.ofHours(1)));

        assertThat(types(services.history("order-1", null))).endsWith(EventType.TimerStarted,
                EventType.ChildWorkflowExecutionCompleted);
    }

    @Test
    void aCancelRequestReachesTheChildAndThenTellsTheParentAsInMemory() {
        startOrderWithChild();

        services.pollAndComplete("orders", new RequestCancelChildWorkflowExecutionInitiatedAttributes("1", null));

        List<History> histories = services.histories("order-1", "order-1-pack");
        assertThat(types(histories.get(0))).endsWith(EventType.RequestCancelChildWorkflowExecutionInitiated,
                EventType.ChildWorkflowExecutionCancelRequested);
        assertThat(types(histories.get(1))).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.WorkflowExecutionCancelRequested);
    }

    @Test
    void aCancelRequestForAChildThatClosedAsksNothing() {
        startOrderWithChild();
        ServicePair.Tasks parentTask = services.poll("orders");
        services.pollAndComplete("packing", new WorkflowExecutionCompletedAttributes(Payload.of("packed")));

        services.complete(parentTask, new RequestCancelChildWorkflowExecutionInitiatedAttributes("1", null));

        assertThat(types(services.history("order-1", null))).endsWith(
                EventType.RequestCancelChildWorkflowExecutionInitiated, EventType.ChildWorkflowExecutionCompleted);
    }

    @Test
    void aParentThatCompletesAsksItsOpenChildToCancelAsInMemory() {
        startOrderWithChild();

        services.pollAndComplete("orders", new WorkflowExecutionCompletedAttributes(Payload.of("shipped")));

        assertThat(types(services.histories("order-1", "order-1-pack").get(1))).containsExactly(
                EventType.WorkflowExecutionStarted, EventType.WorkflowExecutionCancelRequested);
    }

    @Test
    void aParentThatIsTerminatedAsksItsOpenChildToCancelAsInMemory() {
        startOrderWithChild();

        services.both(service -> service.terminateWorkflow("order-1", null, "by hand", null));

        assertThat(types(services.histories("order-1", "order-1-pack").get(1))).containsExactly(
                EventType.WorkflowExecutionStarted, EventType.WorkflowExecutionCancelRequested);
    }

    @Test
    void aParentThatContinuesAsNewLeavesItsChildrenAlone() {
        startOrderWithChild();

        services.pollAndComplete("orders", new WorkflowExecutionContinuedAsNewAttributes(null,
                Payload.fromJson("[\"book\"]"), null, null));

        assertThat(types(services.history("order-1-pack", null))).containsExactly(EventType.WorkflowExecutionStarted);
        services.history("order-1", null);
    }

    @Test
    void aChildIsFollowedThroughItsContinueAsNewRunsToTheParentAsInMemory() {
        startOrderWithChild();
        services.pollAndComplete("packing", new WorkflowExecutionContinuedAsNewAttributes(null,
                Payload.fromJson("[\"book\",2]"), null, null));

        services.pollAndComplete("packing", new WorkflowExecutionCompletedAttributes(Payload.of("packed twice")));

        List<History> histories = services.histories("order-1", "order-1-pack");
        assertThat(histories.get(0).getLastEvent().getEventType())
                .isEqualTo(EventType.ChildWorkflowExecutionCompleted);
        assertThat(histories.get(1).getEvents().get(0).getAttributes(WorkflowExecutionStartedAttributes.class)
                .parentRunId()).isEqualTo(histories.get(0).getRunId());
    }

    @Test
    void theChildStartAndTheParentsTaskCompletionAreOneTransaction() throws Exception {
        refuseRunsOf("order-1-pack");
        services.jdbc.startWorkflow(order("order-1"));
        WorkflowTask task = services.jdbc.pollWorkflowTask("orders", Duration.ZERO);

        assertThatThrownBy(() -> services.jdbc.completeWorkflowTask(task.taskToken(), List.of(
                new Command(new TimerStartedAttributes("t1", Duration.ofHours(1))),
                new Command(packing("1", "order-1-pack")))))
                .isInstanceOf(StoreException.class);

        assertThat(types(services.jdbc.getHistory("order-1", null)))
                .containsExactly(EventType.WorkflowExecutionStarted);
        assertThat(database.query("SELECT COUNT(*) FROM hourglass_timers")).containsExactly("0");
        assertThat(database.query("SELECT COUNT(*) FROM hourglass_runs")).containsExactly("1");
    }

    @Test
    void aCompletionWhoseLeaseRanOutStartsNoChild() throws Exception {
        services.jdbc.startWorkflow(order("order-1"));
        WorkflowTask stale = services.jdbc.pollWorkflowTask("orders", Duration.ZERO);
        services.clock.advance(ServiceOptions.getDefaultInstance().getWorkflowTaskTimeout().plusMillis(1));
        assertThat(services.jdbc.pollWorkflowTask("orders", Duration.ZERO)).as("handed out again").isNotNull();

        services.jdbc.completeWorkflowTask(stale.taskToken(),
                List.of(new Command(packing("1", "order-1-pack"))));

        assertThat(database.query("SELECT workflow_id FROM hourglass_runs")).containsExactly("order-1");
        assertThat(types(services.jdbc.getHistory("order-1", null)))
                .containsExactly(EventType.WorkflowExecutionStarted);
    }

    @Test
    void aChildStartedWithAnExecutionTimeoutRecordsIt() {
        services.start(order("order-1"));

        services.pollAndComplete("orders", new StartChildWorkflowExecutionInitiatedAttributes("1", "order-1-pack",
                "Packing", "packing", Payload.fromJson("[]"), Duration.ofMinutes(5), null));

        assertThat(services.history("order-1-pack", null).getEvents().get(0)
                .getAttributes(WorkflowExecutionStartedAttributes.class).workflowExecutionTimeout())
                .isEqualTo(Duration.ofMinutes(5));
    }

    /** Makes the database refuse to record a run of {@code workflowId}, as a failing disk or server would. */
    private void refuseRunsOf(String workflowId) throws Exception {
        if (dialect == Dialect.SQLITE) {
            database.execute("CREATE TRIGGER refuse_run BEFORE INSERT ON hourglass_runs WHEN NEW.workflow_id = '"
                    + workflowId + "' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
        } else {
            database.execute("CREATE FUNCTION refuse_run() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF NEW.workflow_id = '" + workflowId + "' THEN RAISE EXCEPTION 'refused by the test';"
                    + " END IF; RETURN NEW; END $$",
                    "CREATE TRIGGER refuse_run BEFORE INSERT ON hourglass_runs FOR EACH ROW EXECUTE FUNCTION"
                    + " refuse_run()");
        }
    }
}
