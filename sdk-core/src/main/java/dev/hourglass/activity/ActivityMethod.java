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
 * <p>It may only be put on an abstract method: a default method is not an activity (see
 * {@link ActivityInterface}), and annotating one is rejected.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface ActivityMethod {

    /**
     * Returns the activity type recorded in histories; no other method of the interface, or of the activity
     * interfaces its implementations register, may have the same.
     *
     * @return the activity type, or the empty string to use the method name
     */
    String name() default "";
}
