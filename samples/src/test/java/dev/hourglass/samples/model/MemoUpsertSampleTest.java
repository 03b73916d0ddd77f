package dev.hourglass.samples.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.SearchAttributeKey;
import dev.hourglass.common.SearchAttributes;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.ChildWorkflowOptions;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A support ticket that keeps its assignee in its memo, and starts a child tagged with search attributes and memo. */
class MemoUpsertSampleTest {

    static final SearchAttributeKey<String> TICKET = SearchAttributeKey.forKeyword("TicketId");

    @WorkflowInterface
    public interface Ticket {
        @WorkflowMethod
        String handle(String ticketId);

        @SignalMethod
        void resolve();
    }

    @WorkflowInterface
    public interface Closing {
        @WorkflowMethod
        String close(String ticketId);
    }

    @WorkflowInterface
    public interface Survey {
        @WorkflowMethod
        String ask();
    }

    // guide: memo-upsert begin
    public static class TicketImpl implements Ticket {
        private boolean resolved;

        @Override
        public String handle(String ticketId) {
            Map<String, Object> memo = new HashMap<>();
            memo.put("assignee", "ada");
            memo.put("draftReply", null); // removes the key the ticket started with
            Workflow.upsertMemo(memo);
            Workflow.await(() -> resolved);
            return ticketId + " resolved by " + Workflow.getMemo("assignee", String.class);
        }

        @Override
        public void resolve() {
            resolved = true;
        }
    }
    // guide: memo-upsert end

    /** Starts the satisfaction survey of a resolved ticket as a child. */
    public static class ClosingImpl implements Closing {
        @Override
        public String close(String ticketId) {
            // guide: child-search-attributes begin
            Survey survey = Workflow.newChildWorkflowStub(Survey.class, ChildWorkflowOptions.newBuilder()
                    .setWorkflowId("survey-" + ticketId)
                    .setTypedSearchAttributes(SearchAttributes.newBuilder().set(TICKET, ticketId).build())
                    .setMemo(Map.of("channel", "email"))
                    .build());
            return survey.ask();
            // guide: child-search-attributes end
        }
    }

    public static class SurveyImpl implements Survey {
        @Override
        public String ask() {
            return "asked " + Workflow.getTypedSearchAttributes().get(TICKET) + " by "
                    + Workflow.getMemo("channel", String.class);
        }
    }

    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void startEnvironment() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker("support");
        worker.registerWorkflowImplementationTypes(TicketImpl.class, ClosingImpl.class, SurveyImpl.class);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void closeEnvironment() {
        env.close();
    }

    // guide: memo-upsert-test begin
    @Test
    void describeShowsTheMemoAsTheWorkflowUpsertedIt() {
        Ticket ticket = client.newWorkflowStub(Ticket.class, WorkflowOptions.newBuilder()
                .setWorkflowId("ticket-1").setTaskQueue("support")
                .setMemo(Map.of("draftReply", "Thanks, we are on it", "priority", "high"))
                .build());
        WorkflowClient.start(ticket::handle, "ticket-1");
        env.sleep(Duration.ofMinutes(1)); // the ticket has run up to where it waits

        WorkflowExecutionMetadata described = client.newUntypedWorkflowStub("ticket-1").describe();

        assertThat(described.getMemoKeys()).containsExactly("assignee", "priority");
        assertThat(described.getMemo("assignee", String.class)).isEqualTo("ada");
    }
    // guide: memo-upsert-test end

    @Test
    void theWorkflowReadsTheMemoItUpserted() {
        Ticket ticket = client.newWorkflowStub(Ticket.class, WorkflowOptions.newBuilder()
                .setWorkflowId("ticket-2").setTaskQueue("support").build());
        WorkflowClient.start(ticket::handle, "ticket-2");
        ticket.resolve();

        assertThat(client.newUntypedWorkflowStub("ticket-2").getResult(String.class))
                .isEqualTo("ticket-2 resolved by ada");
    }

    @Test
    void theChildIsFoundByItsSearchAttributesAndReadsItsMemo() {
        String result = client.newWorkflowStub(Closing.class, WorkflowOptions.newBuilder()
                .setWorkflowId("closing-3").setTaskQueue("support").build()).close("ticket-3");

        List<String> surveys = client.listExecutions(ExecutionFilter.newBuilder()
                        .setSearchAttribute(TICKET, "ticket-3").build())
                .map(run -> run.getExecution().getWorkflowId()).toList();

        assertThat(result).isEqualTo("asked ticket-3 by email");
        assertThat(surveys).containsExactly("survey-ticket-3");
    }
}
