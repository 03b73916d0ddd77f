package dev.hourglass.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks the public constructor of a workflow implementation that receives the workflow's arguments.
 *
 * <p>The worker creates the workflow object of a run with this constructor, passing the arguments the run was
 * started with, before any of the run's code runs: before the workflow method, and before the handler of a signal
 * sent with the start. Handlers can therefore rely on state set up from the arguments.
 *
 * <pre>{@code
 * @WorkflowInit
 * public OrderImpl(String orderId, int items) {
 *     this.remaining = items;
 * }
 * }</pre>
 *
 * <p>The constructor's parameter types must be those of the workflow method, in the same order (for a
 * {@link DynamicWorkflow}, one {@link dev.hourglass.common.Values}), and a class has at most one such
 * constructor; registering a class that breaks either rule fails with an {@link IllegalArgumentException}. The
 * constructor is workflow code: it must be deterministic, and may call {@link Workflow} methods that do not
 * wait.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.CONSTRUCTOR)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface WorkflowInit {}
