package dev.hourglass.cli;

import dev.hourglass.client.WorkflowClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code hourglass workflows types}: the workflow types of a store's runs, one per line. */
@Command(name = "types", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Prints the workflow types of the runs, open and closed, each once, one per line, sorted.",
            "These are the values that 'list --type' and 'export --type' take; nothing is printed when the store"
                    + " holds no run."})
final class TypesCommand extends StoreCommand {

    @Override
    int run(WorkflowClient client, Store store, PrintWriter out) {
        client.listWorkflowTypes().forEach(out::println);
        return HourglassCli.OK;
    }
}
