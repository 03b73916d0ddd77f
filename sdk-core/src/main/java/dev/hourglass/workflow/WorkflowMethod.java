package dev.hourglass.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks the method of a {@link WorkflowInterface} that runs the workflow; its return value is the result.
 *
 * <p>The workflow type is the simple name of the interface unless {@link #name()} says otherwise, so a changed
 * implementation class still replays the histories of the old one.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface WorkflowMethod {

    /**
     * Returns the workflow type recorded in histories.
     *
     * @return the workflow type, or the empty string to use the simple name of the interface
     */
    String name() default "";
}
