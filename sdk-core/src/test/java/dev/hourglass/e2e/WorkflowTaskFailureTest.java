package dev.hourglass.e2e;

import static dev.hourglass.history.EventType.ActivityTaskCompleted;
import static dev.hourglass.history.EventType.ActivityTaskScheduled;
import static dev.hourglass.history.EventType.ActivityTaskStarted;
import static dev.hourglass.history.EventType.WorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.WorkflowExecutionSignaled;
import static dev.hourglass.history.EventType.WorkflowExecutionStarted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.internal.service.InMemoryWorkflowService.WorkflowTaskFailure;
import dev.hourglass.worker.WorkerFactoryOptions;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Workflow code with a bug, then fixed while the execution waits. Runs with no execution cache (every task
 * replays) and workflow tasks retried after 50 ms.
 */
class WorkflowTaskFailureTest {

    /** Flipped by the tests to "deploy" the fix; read by the workflow code. */
    static volatile boolean bugFixed;
    /** Flipped by the tests to "deploy" an incompatible change; read by the workflow code. */
    static volatile boolean incompatibleChange;

    @ActivityInterface
    public interface Mailroom {
        String render(String customer);

        String address(String customer);

        String send(String document);
    }

    @WorkflowInterface
    public interface Invoicing {
        @WorkflowMethod
        String invoice(String customer);

        @SignalMethod
        void proceed();
    }

    public static class InvoicingImpl implements Invoicing {
        private final Mailroom mailroom = Workflow.newActivityStub(Mailroom.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());
        private boolean proceed;

        @Override
        public String invoice(String customer) {
            String document = incompatibleChange ? mailroom.address(customer) : mailroom.render(customer);
            Workflow.await(() -> proceed);
            if (!bugFixed) {
                throw new IllegalStateException("template bug: no total for " + customer);
            }
            return mailroom.send(document);
        }

        @Override
        public void proceed() {
            proceed = true;
        }
    }

    public static class MailroomImpl implements Mailroom {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public String render(String customer) {
            calls.add("render " + customer);
            return "invoice for " + customer;
        }

        @Override
        public String address(String customer) {
            calls.add("address " + customer);
            return "address of " + customer;
        }

        @Override
        public String send(String document) {
            calls.add("send " + document);
            return "sent " + document;
        }
    }

    final MailroomImpl mailroom = new MailroomImpl();
    final List<WorkflowTaskFailure> failures = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(InvoicingImpl.class)
            .registerActivitiesImplementations(mailroom)
            .withFastWorkflowTaskRetries()
            .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(0).build())
            .build();

    @BeforeEach
    void deployTheCodeWithTheBug() {
        bugFixed = false;
        incompatibleChange = false;
        env.onWorkflowTaskFailure(failures::add);
    }

    /** Starts an invoice, lets it pass its first activity and the signal, and waits for two failed tasks. */
    private Invoicing startAndHitTheBug(String workflowId) {
        Invoicing invoicing = env.newWorkflowStub(Invoicing.class, workflowId);
        WorkflowClient.start(invoicing::invoice, "acme");
        env.awaitHistory(workflowId, "the first activity completed",
                h -> Events.firstIndexOf(h, ActivityTaskCompleted) >= 0);
        invoicing.proceed();
        E2eEnvironment.await("the workflow task failed and was retried", () -> failures.size() >= 2);
        return invoicing;
    }

    @Test
    void bugInWorkflowCodeFailsTheTaskRepeatedlyButNotTheWorkflow() {
        startAndHitTheBug("invoice-1");

        assertThat(failures).allSatisfy(failure -> {
            assertThat(failure.execution().getWorkflowId()).isEqualTo("invoice-1");
            assertThat(failure.workflowType()).isEqualTo("Invoicing");
            assertThat(failure.failure()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("template bug: no total for acme");
        });
        assertThat(env.history("invoice-1").isClosed()).isFalse();
        assertThat(Events.types(env.history("invoice-1"))).containsExactly(WorkflowExecutionStarted,
                ActivityTaskScheduled, ActivityTaskStarted, ActivityTaskCompleted, WorkflowExecutionSignaled);
        bugFixed = true;
        env.client().newUntypedWorkflowStub("invoice-1").getResult(String.class);
    }

    @Test
    void executionResumesAndCompletesOnceTheBugIsFixed() {
        startAndHitTheBug("invoice-2");

        bugFixed = true;

        assertThat(env.client().newUntypedWorkflowStub("invoice-2").getResult(String.class))
                .isEqualTo("sent invoice for acme");
        assertThat(mailroom.calls).containsExactly("render acme", "send invoice for acme");
    }

    @Test
    void historyOfTheRecoveredExecutionHasNoTraceOfTheBug() {
        startAndHitTheBug("invoice-3");

        bugFixed = true;
        env.client().newUntypedWorkflowStub("invoice-3").getResult(String.class);

        assertThat(Events.types(env.history("invoice-3"))).containsExactly(WorkflowExecutionStarted,
                ActivityTaskScheduled, ActivityTaskStarted, ActivityTaskCompleted, WorkflowExecutionSignaled,
                ActivityTaskScheduled, ActivityTaskStarted, ActivityTaskCompleted, WorkflowExecutionCompleted);
    }

    @Test
    void incompatibleChangeFailsTheTaskWithANondeterminismReportAndRevertingItResumes() {
        bugFixed = true;
        Invoicing invoicing = env.newWorkflowStub(Invoicing.class, "invoice-4");
        WorkflowExecution execution = WorkflowClient.start(invoicing::invoice, "acme");
        env.awaitHistory("invoice-4", "the first activity completed",
                h -> Events.firstIndexOf(h, ActivityTaskCompleted) >= 0);

        incompatibleChange = true;
        invoicing.proceed();
        E2eEnvironment.await("a workflow task failed", () -> !failures.isEmpty());

        assertThat(failures.get(0).failure()).isInstanceOfSatisfying(NonDeterministicException.class, e -> {
            assertThat(e.getEventId()).isEqualTo(2);
            assertThat(e.getRecorded()).contains("render");
            assertThat(e.getActual()).contains("address");
            assertThat(e.getLocation()).contains("WorkflowTaskFailureTest");
            assertThat(e).hasMessageContaining(execution.getRunId());
        });
        assertThat(env.history("invoice-4").isClosed()).isFalse();
        incompatibleChange = false;
        assertThat(env.client().newUntypedWorkflowStub("invoice-4").getResult(String.class))
                .isEqualTo("sent invoice for acme");
        assertThat(mailroom.calls).containsExactly("render acme", "send invoice for acme");
    }
}
