package dev.hourglass.samples.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.Activity;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.activity.DynamicActivity;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.common.Values;
import dev.hourglass.testing.TestWorkflowExtension;
import dev.hourglass.workflow.ActivityStub;
import dev.hourglass.workflow.DynamicQueryHandler;
import dev.hourglass.workflow.DynamicSignalHandler;
import dev.hourglass.workflow.DynamicWorkflow;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A gateway that runs workflow and activity types it has no class for, and handles signals by name. */
class DynamicHandlersSampleTest {

    // guide: name-prefix begin
    @ActivityInterface(namePrefix = "Crm_")
    public interface Crm {
        String lookup(String customer); // activity type "Crm_lookup"
    }
    // guide: name-prefix end

    public static class CrmImpl implements Crm {
        @Override
        public String lookup(String customer) {
            return customer + " (gold)";
        }
    }

    // guide: dynamic-activity begin
    public static class Webhooks implements DynamicActivity {
        @Override
        public Object execute(Values args) {
            String type = Activity.getExecutionContext().getInfo().getActivityType();
            return "POST /" + type + " " + args.get(0, String.class);
        }
    }
    // guide: dynamic-activity end

    // guide: dynamic-workflow begin
    public static class Gateway implements DynamicWorkflow {
        private final List<String> events = new ArrayList<>();

        @Override
        public Object execute(Values args) {
            String customer = args.get(0, String.class);
            Workflow.registerListener((DynamicSignalHandler) (name, signalArgs) ->
                    events.add(name + ": " + signalArgs.get(0, String.class)));
            Workflow.registerListener((DynamicQueryHandler) (queryType, queryArgs) -> events.size());

            ActivityStub activities = Workflow.newUntypedActivityStub(ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(10)).build());
            String profile = activities.execute("Crm_lookup", String.class, customer);
            Workflow.await(() -> events.contains("close: now"));
            String type = Workflow.getInfo().getWorkflowType();
            return activities.execute("notify" + type, String.class, profile + " " + events);
        }
    }
    // guide: dynamic-workflow end

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(Gateway.class)
            .setActivityImplementations(new CrmImpl(), new Webhooks())
            .build();

    // guide: dynamic-test begin
    @Test
    void theGatewayRunsATypeItHasNoClassFor(WorkflowClient client, Worker worker) {
        WorkflowStub ticket = client.newUntypedWorkflowStub("SupportTicket",
                WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).build());
        ticket.start("alice");

        ticket.signal("comment", "printer is on fire");
        ticket.signal("close", "now");

        assertThat(ticket.getResult(String.class)).isEqualTo(
                "POST /notifySupportTicket alice (gold) [comment: printer is on fire, close: now]");
        assertThat(ticket.query("eventCount", Integer.class)).isEqualTo(2);
    }
    // guide: dynamic-test end
}
