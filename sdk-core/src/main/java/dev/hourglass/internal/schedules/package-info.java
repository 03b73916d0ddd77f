/**
 * Internal: schedules as workflows. A schedule is a run of the workflow type {@code hourglass.Schedule} on the task
 * queue {@code hourglass.schedules}, which every worker factory polls; its state is its workflow argument, its
 * changes are signals, its description a query, and it starts the scheduled workflows through an activity.
 *
 * <p>Not a public API: user code must not depend on it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.hourglass.internal.schedules;

import org.apiguardian.api.API;
