package dev.hourglass.workflow;

import dev.hourglass.common.Values;
import org.apiguardian.api.API;

/**
 * A query handler, registered with {@link Workflow#registerListener(Object)}, that answers every query the
 * workflow has no named handler for.
 *
 * <p>A query with a {@link QueryMethod} of the workflow interface, or of a typed handler object registered with
 * {@code registerListener}, goes there; every other one comes here. Like a query method, it only reads the
 * workflow's state: it may not start activities, timers or child workflows, nor wait. A workflow has at most one
 * dynamic query handler: registering another replaces it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface DynamicQueryHandler {

    /**
     * Answers one query.
     *
     * @param queryType the name the query was sent with; never {@code null}
     * @param args the query's arguments, decoded when read; never {@code null}
     * @return the answer, encoded by the data converter; may be {@code null}
     */
    Object handle(String queryType, Values args);
}
