package dev.hourglass.cli;

import dev.hourglass.client.WorkflowClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hourglass workflows cancel}: asks a workflow's open run to cancel. */
@Command(name = "cancel", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Requests cancellation of a workflow's open run.",
            "The workflow code decides how it stops: its cancellation scopes, its compensations."})
final class CancelCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "WORKFLOW_ID", description = "The workflow id.")
    String workflowId;

    @Override
    int run(WorkflowClient client, Store store, PrintWriter out) {
        client.newUntypedWorkflowStub(workflowId).cancel();
        out.println("Requested cancellation of " + workflowId + ".");
        return HourglassCli.OK;
    }
}
