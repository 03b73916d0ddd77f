package dev.hourglass.workflow;

import dev.hourglass.common.Values;
import org.apiguardian.api.API;

/**
 * A workflow implementation that runs every workflow type no other implementation registered on the same worker
 * runs, with its arguments undecoded.
 *
 * <p>Register the class like any workflow implementation, with
 * {@link dev.hourglass.worker.Worker#registerWorkflowImplementationTypes}; it implements this interface instead of a
 * {@link WorkflowInterface}. A worker has at most one: registering a second one, or a class that implements both
 * this interface and a {@code @WorkflowInterface}, fails with an {@link IllegalArgumentException}. The type a run
 * was started as is {@code Workflow.getInfo().getWorkflowType()}.
 *
 * <pre>{@code
 * public static class Router implements DynamicWorkflow {
 *     public Object execute(Values args) {
 *         return Workflow.getInfo().getWorkflowType() + " of " + args.get(0, String.class);
 *     }
 * }
 * }</pre>
 *
 * <p>A dynamic workflow has no signal or query methods of its own: it registers handlers with
 * {@link Workflow#registerListener(Object)}, typed ones or a {@link DynamicSignalHandler} and a
 * {@link DynamicQueryHandler}. It replays like any workflow; the replayer and the replay gate take its class among
 * the implementation classes and replay with it the histories of every type no other class implements.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface DynamicWorkflow {

    /**
     * Runs the workflow: the workflow method of every type this implementation handles.
     *
     * @param args the arguments the run was started with, decoded when read; never {@code null}
     * @return the result of the run, encoded by the data converter; may be {@code null}
     */
    Object execute(Values args);
}
