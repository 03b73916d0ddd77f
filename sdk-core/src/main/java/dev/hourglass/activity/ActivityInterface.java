package dev.hourglass.activity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks an interface whose every method is an activity.
 *
 * <p>The activity type of a method is its name unless {@link ActivityMethod#name()} says otherwise. Workflow
 * code calls activities through a stub of the interface; workers run them on an implementation of it.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface ActivityInterface {}
