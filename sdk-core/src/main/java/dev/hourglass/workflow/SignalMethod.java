package dev.hourglass.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a method of a {@link WorkflowInterface} that receives a signal: an asynchronous message to a running
 * execution, recorded in its history.
 *
 * <p>A signal method returns {@code void}; it runs on a workflow thread and may change workflow state.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface SignalMethod {

    /**
     * Returns the signal name recorded in histories; no other signal method of the interface may have the same.
     *
     * @return the signal name, or the empty string to use the method name
     */
    String name() default "";
}
