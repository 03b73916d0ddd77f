package dev.hourglass.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hourglass workflows}: the commands on workflow executions. */
@Command(name = "workflows", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        usageHelpAutoWidth = true,
        description = "Lists, counts, shows, describes, exports, signals, cancels and terminates workflow runs;"
                + " lists their workflow types.",
        subcommands = {ListCommand.class, ShowCommand.class, DescribeCommand.class, ExportCommand.class,
            SignalCommand.class, CancelCommand.class, TerminateCommand.class, TypesCommand.class})
final class WorkflowsCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** No command: says how to use this one. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return HourglassCli.USAGE;
    }
}
