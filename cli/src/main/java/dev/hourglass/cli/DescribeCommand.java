package dev.hourglass.cli;

import dev.hourglass.client.PendingActivityInfo;
import dev.hourglass.client.PendingChildWorkflowInfo;
import dev.hourglass.client.PendingTimerInfo;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowExecutionDescription;
import dev.hourglass.common.PayloadCodecException;
import dev.hourglass.history.Payload;
import java.io.PrintWriter;
import java.util.StringJoiner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hourglass workflows describe}: the state of a workflow's latest run. */
@Command(name = "describe", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Describes the state of a workflow's latest run.",
            "Its status and times, search attributes and memo, and while it is open, its pending activities (with their attempt and last"
                    + " failure), timers and child workflows."})
final class DescribeCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "WORKFLOW_ID", description = "The workflow id.")
    String workflowId;

    @Override
    int run(WorkflowClient client, Store store, PrintWriter out) {
        WorkflowExecutionDescription description = client.newUntypedWorkflowStub(workflowId).describe();
        Table header = new Table("Workflow", description.getExecution().getWorkflowId());
        header.add("Run", description.getExecution().getRunId());
        header.add("Type", description.getWorkflowType());
        header.add("Task queue", description.getTaskQueue());
        header.add("Status", description.getStatus());
        header.add("Started", Times.format(description.getStartTime()));
        header.add("Closed", description.getCloseTime().map(Times::format).orElse(null));
        header.add("Events", description.getHistoryLength());
        SearchAttributeText.addIfAny(header, "Search attributes",
                SearchAttributeText.format(description.getTypedSearchAttributes()));
        SearchAttributeText.addIfAny(header, "Memo", memo(description));
        header.print(out, "");

        Table activities = new Table("ACTIVITY ID", "TYPE", "STATE", "ATTEMPT", "SCHEDULED", "NEXT ATTEMPT",
                "LAST FAILURE");
        for (PendingActivityInfo activity : description.getPendingActivities()) {
            activities.add(activity.getActivityId(), activity.getActivityType(), activity.getState(),
                    activity.getAttempt(), Times.format(activity.getScheduledTime()),
                    activity.getNextAttemptTime().map(Times::format).orElse(null), lastFailure(activity));
        }
        print(out, "Pending activities", activities);

        Table timers = new Table("TIMER ID", "FIRES");
        for (PendingTimerInfo timer : description.getPendingTimers()) {
            timers.add(timer.getTimerId(), Times.format(timer.getFireTime()));
        }
        print(out, "Pending timers", timers);

        Table children = new Table("WORKFLOW ID", "RUN ID", "TYPE");
        for (PendingChildWorkflowInfo child : description.getPendingChildWorkflows()) {
            children.add(child.getWorkflowId(), child.getRunId().orElse(null), child.getWorkflowType());
        }
        print(out, "Pending child workflows", children);
        return HourglassCli.OK;
    }

    private static void print(PrintWriter out, String title, Table table) {
        out.println();
        if (table.isEmpty()) {
            out.println(title + ": none");
        } else {
            out.println(title + ":");
            table.print(out, "  ");
        }
    }

    /**
     * The memo, {@code key=value} in the order set, each value as JSON, or "encoded" where payload codecs encoded it;
     * {@code null} for none.
     */
    private static String memo(WorkflowExecutionDescription description) {
        if (description.getMemoKeys().isEmpty()) {
            return null;
        }
        StringJoiner line = new StringJoiner(", ");
        for (String key : description.getMemoKeys()) {
            String value;
            try {
                value = Payload.of(description.getMemo(key, Object.class)).toJson();
            } catch (PayloadCodecException e) {
                value = "(encoded; 'workflows show --codec' decodes it)";
            }
            line.add(key + "=" + value);
        }
        return line.toString();
    }

    private static String lastFailure(PendingActivityInfo activity) {
        if (activity.getLastFailureType().isEmpty() && activity.getLastFailureMessage().isEmpty()) {
            return null;
        }
        String type = activity.getLastFailureType().orElse("?");
        return activity.getLastFailureMessage().filter(message -> !message.isEmpty())
                .map(message -> type + ": " + RootCommand.oneLine(message)).orElse(type);
    }
}
