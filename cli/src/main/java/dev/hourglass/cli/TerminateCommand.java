package dev.hourglass.cli;

import dev.hourglass.client.WorkflowClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hourglass workflows terminate}: ends a workflow's open run at once. */
@Command(name = "terminate", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Terminates a workflow's open run at once.",
            "No more of its code runs; the reason is recorded in its history."})
final class TerminateCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "WORKFLOW_ID", description = "The workflow id.")
    String workflowId;

    @Option(names = "--reason", paramLabel = "TEXT", order = 1, description = "Why, recorded in the history.")
    String reason;

    @Override
    int run(WorkflowClient client, Store store, PrintWriter out) {
        client.newUntypedWorkflowStub(workflowId).terminate(reason);
        out.println("Terminated " + workflowId + (reason == null ? "." : ": " + reason));
        return HourglassCli.OK;
    }
}
