package dev.hourglass.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a method of a {@link WorkflowInterface} as an update handler: a client call that changes the workflow and
 * waits for the handler's result.
 *
 * <p>The handler is workflow code on a workflow thread of its own, like a signal method: it may call activities,
 * sleep and await. It returns a result (or is {@code void}); a client calling the method on a typed stub blocks until
 * the handler returns and gets that result. A handler that throws an {@code ApplicationFailure} completes the update
 * with that failure (the client gets a {@code WorkflowUpdateException}) and the workflow goes on; any other exception
 * fails the workflow task, as in a signal handler. A method annotated {@link UpdateValidatorMethod} may reject an
 * update before it is accepted.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface UpdateMethod {

    /**
     * Returns the update name recorded in histories; no other update method of the interface may have the same.
     *
     * @return the update name, or the empty string to use the method name
     */
    String name() default "";
}
