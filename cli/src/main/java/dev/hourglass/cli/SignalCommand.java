package dev.hourglass.cli;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.history.Payload;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hourglass workflows signal}: sends a signal to a workflow's open run. */
@Command(name = "signal", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Sends a signal to a workflow's open run.",
            "The signal's arguments are JSON values, one each: hourglass signal order-7 pickUp '\"alice\"' 3"})
final class SignalCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "WORKFLOW_ID", description = "The workflow id.")
    String workflowId;

    @Parameters(index = "1", paramLabel = "SIGNAL", description = "The signal name.")
    String signalName;

    @Parameters(index = "2..*", paramLabel = "JSON",
            description = "The signal's arguments, each one JSON value: a string in its quotes (\"alice\"), a number,"
                    + " true, false, null, an array or an object.")
    List<String> arguments = new ArrayList<>();

    @Override
    int run(WorkflowClient client, Store store, PrintWriter out) {
        Object[] values = new Object[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = parse(i);
        }
        client.newUntypedWorkflowStub(workflowId).signal(signalName, values);
        out.println("Signaled " + workflowId + " with " + signalName + Payload.ofArguments(values).toJson() + ".");
        return HourglassCli.OK;
    }

    private Object parse(int index) {
        String text = arguments.get(index);
        try {
            return Payload.fromJson(text).decode(Object.class);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("argument " + (index + 1) + " of signal " + signalName + " is not JSON: " + text
                    + " (a string is written in quotes: '\"" + text + "\"')");
        }
    }
}
