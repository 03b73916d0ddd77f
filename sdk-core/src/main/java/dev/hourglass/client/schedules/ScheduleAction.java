package dev.hourglass.client.schedules;

import org.apiguardian.api.API;

/**
 * What a schedule does at each fire time; {@link ScheduleActionStartWorkflow} is the one kind of action.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract sealed class ScheduleAction permits ScheduleActionStartWorkflow {

    ScheduleAction() {
    }
}
