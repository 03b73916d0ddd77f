package dev.hourglass.cli;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowExecutionClosedException;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.service.StoreException;
import dev.hourglass.service.WorkflowService;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command on a store: opens it, runs, closes it, and turns the client's failures into one-line errors. */
abstract class StoreCommand implements Callable<Integer> {

    @Mixin
    StoreOptions storeOptions;

    @Spec
    CommandSpec spec;

    /** Whether errors come with their stack trace. */
    boolean verbose() {
        return storeOptions != null && storeOptions.verbose;
    }

    @Override
    public final Integer call() {
        Store store = Store.of(storeOptions, ((RootCommand) spec.root().userObject()).environment());
        PrintWriter out = spec.commandLine().getOut();
        try (WorkflowService service = store.open()) {
            return run(WorkflowClient.newInstance(service), store, out);
        } catch (WorkflowExecutionClosedException e) { // a WorkflowNotFoundException too
            throw CliException.failed(closed(e), e);
        } catch (WorkflowNotFoundException e) {
            throw CliException.failed(notFound(e) + " in " + store.displayName(), e);
        } catch (StoreException e) {
            throw CliException.failed(store.displayName() + ": " + RootCommand.oneLine(e.getMessage()), e);
        } finally {
            out.flush();
        }
    }

    /** Does the command's work with a client of the open store; returns the exit code. */
    abstract int run(WorkflowClient client, Store store, PrintWriter out);

    /**
     * What the client says, up to how and when the run closed (the rest speaks of the client's methods), and what to
     * do instead.
     */
    private static String closed(WorkflowExecutionClosedException e) {
        String message = RootCommand.oneLine(e.getMessage());
        int how = message.indexOf(')');
        return (how < 0 ? message : message.substring(0, how + 1)) + "; only open runs take signals, cancellation"
                + " and termination ('hourglass show " + e.getWorkflowId() + "' shows how it ended)";
    }

    private static String notFound(WorkflowNotFoundException e) {
        if (e.getWorkflowId() == null) {
            return "no workflow run " + e.getRunId();
        }
        return "no workflow '" + e.getWorkflowId() + "'" + (e.getRunId() == null ? "" : " with run " + e.getRunId());
    }
}
