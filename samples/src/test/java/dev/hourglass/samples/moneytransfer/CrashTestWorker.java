package dev.hourglass.samples.moneytransfer;

import dev.hourglass.workflow.Workflow;
import java.time.Duration;
import java.util.Arrays;

/**
 * The demo's {@link TransferWorker} with, for the crash tests only, a slow workflow-task path: every workflow task of
 * a transfer whose number ends in 0 ({@code transfer-0}, {@code transfer-10}…) prints {@code workflow task <workflow
 * id> at <epoch millis>} and then waits {@code --workflow-task-delay} before it runs the code, so that a test can kill the worker inside
 * a workflow task. Run it with {@code --workflow-cache=0}, which rebuilds the
 * execution (and so passes here) in every task.
 *
 * <p>Usage: {@code CrashTestWorker --workflow-task-delay=PT0.1S} followed by {@link TransferWorker}'s arguments.
 */
public final class CrashTestWorker {

    static final String WORKFLOW_TASK = "workflow task ";

    private CrashTestWorker() {
    }

    public static void main(String[] args) throws Exception {
        String prefix = "--workflow-task-delay=";
        if (args.length == 0 || !args[0].startsWith(prefix)) {
            throw new IllegalArgumentException("usage: CrashTestWorker " + prefix + "PT0.1S TransferWorker-arguments");
        }
        long delayMillis = Duration.parse(args[0].substring(prefix.length())).toMillis();
        TransferWorker.run(TransferWorker.Settings.parse(Arrays.copyOfRange(args, 1, args.length)),
                (worker, options) -> worker.registerWorkflowImplementationFactory(MoneyTransferWorkflow.class, () -> {
                    String workflowId = Workflow.getInfo().getWorkflowId();
                    if (workflowId.endsWith("0")) {
                        TransferWorker.print(WORKFLOW_TASK + workflowId + " at " + System.currentTimeMillis());
                        pause(delayMillis);
                    }
                    return new MoneyTransferWorkflowImpl();
                }, options));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in the slowed workflow task", e);
        }
    }
}
