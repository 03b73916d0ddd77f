package dev.hourglass.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Tells the static determinism check not to report the nondeterministic calls of the annotated method, nor
 * those it reaches through the methods it calls. Give the reason: it is read by the next person who changes the
 * method.
 *
 * <pre>{@code
 * @SuppressDeterminismCheck(reason = "the report library reads the clock only when asked for a timestamp,"
 *         + " which this workflow never does")
 * private Report render(Order order) {
 *     return Reports.render(order);
 * }
 * }</pre>
 *
 * <p>Only the static check (at worker registration, and {@code DeterminismCheck} in CI) reads it: a call that
 * really happens in workflow code still fails the workflow task at run time, because it would break replay.
 * Code that must be nondeterministic belongs in an activity or in {@link Workflow#sideEffect}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface SuppressDeterminismCheck {

    /**
     * Why the calls that the method reaches are deterministic in workflow code, or never made there.
     *
     * @return the reason; must not be blank
     */
    String reason();
}
