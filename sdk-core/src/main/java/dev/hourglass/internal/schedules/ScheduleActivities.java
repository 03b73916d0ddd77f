package dev.hourglass.internal.schedules;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityMethod;

/** What a schedule's workflow asks of the service through its worker: start a run, look at the runs it started. */
@ActivityInterface
public interface ScheduleActivities {

    /** The activity type of {@link #act}. */
    String ACT = "hourglass.schedule.act";

    /**
     * Looks which of the request's runs still run, then, unless the request only asks that, applies the catch-up
     * window and the overlap policy and starts the run; the request and the answer are the JSON of an
     * {@link ActRequest} and an {@link ActResult}.
     */
    @ActivityMethod(name = ACT)
    String act(String request);
}
