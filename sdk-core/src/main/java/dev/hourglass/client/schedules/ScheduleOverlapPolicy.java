package dev.hourglass.client.schedules;

import org.apiguardian.api.API;

/**
 * What a schedule does when an action is due while a workflow it started before is still running.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ScheduleOverlapPolicy {
    /** Does not start the new workflow; the fire counts as skipped. The default. */
    SKIP,
    /** Starts the new workflow once the running ones closed; at most one fire waits, later ones are skipped. */
    BUFFER_ONE,
    /** Starts the new workflows one after the other, each once the ones before it closed; none is skipped. */
    BUFFER_ALL,
    /** Requests the cancellation of the running workflows and starts the new one once they closed. */
    CANCEL_OTHER,
    /** Terminates the running workflows and starts the new one at once. */
    TERMINATE_OTHER,
    /** Starts the new workflow at once, whatever runs. */
    ALLOW_ALL
}
