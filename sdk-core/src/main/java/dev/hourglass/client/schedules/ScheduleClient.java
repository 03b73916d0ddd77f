package dev.hourglass.client.schedules;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.internal.schedules.ScheduleClientImpl;
import dev.hourglass.service.WorkflowService;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Creates, lists and finds schedules: durable timetables that start a workflow on cron expressions or intervals.
 *
 * <pre>{@code
 * ScheduleClient schedules = client.newScheduleClient();
 * ScheduleHandle handle = schedules.createSchedule("daily-report", Schedule.newBuilder()
 *         .setAction(ScheduleActionStartWorkflow.newBuilder()
 *             .setWorkflowType(DailyReport.class)
 *             .setOptions(WorkflowOptions.newBuilder().setWorkflowId("daily-report").setTaskQueue("reports").build())
 *             .build())
 *         .setSpec(ScheduleSpec.newBuilder().setCronExpressions(List.of("0 6 * * *")).build())
 *         .build(),
 *     ScheduleOptions.getDefaultInstance());
 * }</pre>
 *
 * <p>A schedule runs as a workflow of the internal type {@code hourglass.Schedule} that the workers of every
 * {@code WorkerFactory} of the service run; at least one factory must be started for schedules to act.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ScheduleClient {

    /**
     * Returns a schedule client of {@code service} with default client options.
     *
     * @param service a service created by Hourglass; never {@code null}
     * @return the client; never {@code null}
     */
    static ScheduleClient newInstance(WorkflowService service) {
        return newInstance(service, WorkflowClientOptions.getDefaultInstance());
    }

    /**
     * Returns a schedule client of {@code service}; the options' data converter and codecs encode the arguments of
     * the scheduled workflows.
     *
     * @param service a service created by Hourglass; never {@code null}
     * @param options the client options; never {@code null}
     * @return the client; never {@code null}
     */
    static ScheduleClient newInstance(WorkflowService service, WorkflowClientOptions options) {
        return new ScheduleClientImpl(WorkflowClient.newInstance(service, options));
    }

    /**
     * Creates a schedule and returns its handle; it acts from now on, on the service's workers.
     *
     * @param scheduleId the schedule id, unique among the schedules that exist; never {@code null} or blank
     * @param schedule the schedule; never {@code null}
     * @param options whether to act at once and what to backfill; never {@code null}
     * @return the handle; never {@code null}
     * @throws ScheduleAlreadyRunningException if a schedule with the id exists
     * @throws IllegalArgumentException if a cron expression is not valid, or the spec has neither cron expressions
     *     nor intervals
     */
    ScheduleHandle createSchedule(String scheduleId, Schedule schedule, ScheduleOptions options);

    /**
     * Returns a handle of the schedule {@code scheduleId}, without checking that it exists: its methods throw
     * {@link ScheduleNotFoundException} if it does not.
     *
     * @param scheduleId the schedule id; never {@code null}
     * @return the handle; never {@code null}
     */
    ScheduleHandle getHandle(String scheduleId);

    /**
     * Returns the schedules that exist (created and not deleted), ordered by the start of their workflow's current
     * run (a schedule's workflow continues as new now and then), then by id.
     *
     * @return a sequential stream; never {@code null}
     */
    Stream<ScheduleListDescription> listSchedules();
}
