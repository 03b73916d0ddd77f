package dev.hourglass.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks the validator of an update: a method of the workflow implementation (or its interface) with the parameters of
 * the {@link UpdateMethod} it validates, returning {@code void}, that throws to reject the update.
 *
 * <p>The validator runs before the update is accepted, read-only like a query method: it may read the workflow's
 * fields but not call activities, sleep, await or change state. When it throws, the update is rejected: no history
 * event records it and the client gets a {@code WorkflowUpdateException} whose cause is the validator's exception.
 * When it returns, the update is accepted and its handler runs.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface UpdateValidatorMethod {

    /**
     * Returns the name of the update this method validates.
     *
     * @return the update name, as the {@link UpdateMethod} names it; never empty
     */
    String updateName();
}
