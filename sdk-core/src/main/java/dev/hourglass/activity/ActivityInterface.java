package dev.hourglass.activity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks an interface whose every abstract method is an activity.
 *
 * <p>The activity type of a method is its name unless {@link ActivityMethod#name()} says otherwise, preceded by
 * {@link #namePrefix()}. Workflow code calls activities through a stub of the interface; workers run them on an
 * implementation of it.
 *
 * <p>An activity type names exactly one method, because it is all a history records of the call. Two methods
 * with one activity type, such as overloads {@code charge(String)} and {@code charge(String, long)}, are
 * rejected when workflow code creates a stub ({@code Workflow.newActivityStub}) and when a worker registers an
 * implementation: rename one, or give it {@code @ActivityMethod(name = "...")}. The same holds across the
 * activity interfaces one implementation registers.
 *
 * <p><b>Default methods are not activities.</b> Calling one on a stub runs its body in workflow code, where its
 * calls of the interface's other methods go through the stub and schedule those activities; a worker registers
 * no activity for it, and an implementation's override of it is never called through a stub. This makes a
 * default method the place for a convenience overload:
 *
 * <pre>{@code
 * @ActivityInterface
 * public interface Greetings {
 *     String greet(String name, String greeting);
 *
 *     default String greet(String name) {
 *         return greet(name, "hello"); // schedules activity "greet"
 *     }
 * }
 * }</pre>
 *
 * <p>Being workflow code, its body must be deterministic, like the rest of the workflow. A default method
 * cannot carry {@link ActivityMethod}: to make it an activity, remove its body.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface ActivityInterface {

    /**
     * Returns the prefix of every activity type of the interface: a method's activity type is this prefix followed
     * by its name, or by its {@link ActivityMethod#name()}. Stubs schedule and workers register the prefixed types,
     * so two interfaces with methods of one name can be registered on one worker.
     *
     * <pre>{@code
     * @ActivityInterface(namePrefix = "Billing_")
     * public interface Billing {
     *     String charge(String account); // activity type "Billing_charge"
     * }
     * }</pre>
     *
     * @return the prefix; empty (the default) for none
     * @since 0.1
     */
    String namePrefix() default "";
}
