package dev.hourglass.activity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Customises one method of an {@link ActivityInterface}; the annotation is optional.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface ActivityMethod {

    /**
     * Returns the activity type recorded in histories.
     *
     * @return the activity type, or the empty string to use the method name
     */
    String name() default "";
}
