package dev.hourglass.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks an interface that declares a workflow: one {@link WorkflowMethod}, and any number of
 * {@link SignalMethod}s and {@link QueryMethod}s.
 *
 * <p>Clients and parent workflows call the workflow through a stub of the interface; workers run an
 * implementation of it.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface WorkflowInterface {}
