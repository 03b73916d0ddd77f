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
 * <p>Every abstract method carries exactly one of the three annotations; a default method may carry none, and is
 * then only for the implementation's own use. Signal names are unique among the signal methods, and query names
 * among the query methods (a signal and a query may share a name, as in Temporal), so overloaded signal or
 * query methods need {@code name}s of their own. Parameter and result types must be decodable from JSON: a
 * non-static inner class is not. An interface that breaks these rules is rejected, naming the methods, when a
 * worker registers an implementation and when a client or a parent workflow creates a stub.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface WorkflowInterface {}
