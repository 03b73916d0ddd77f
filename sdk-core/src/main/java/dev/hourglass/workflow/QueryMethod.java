package dev.hourglass.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a method of a {@link WorkflowInterface} that answers a query: a synchronous read of workflow state,
 * not recorded in history.
 *
 * <p>A query method returns a value and must neither change workflow state nor block.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface QueryMethod {

    /**
     * Returns the query name clients use; no other query method of the interface may have the same.
     *
     * @return the query name, or the empty string to use the method name
     */
    String name() default "";
}
