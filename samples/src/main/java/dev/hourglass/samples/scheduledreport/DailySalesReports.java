package dev.hourglass.samples.scheduledreport;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.schedules.Schedule;
import dev.hourglass.client.schedules.ScheduleActionStartWorkflow;
import dev.hourglass.client.schedules.ScheduleClient;
import dev.hourglass.client.schedules.ScheduleHandle;
import dev.hourglass.client.schedules.ScheduleOptions;
import dev.hourglass.client.schedules.ScheduleOverlapPolicy;
import dev.hourglass.client.schedules.SchedulePolicy;
import dev.hourglass.client.schedules.ScheduleSpec;
import java.time.Duration;
import java.util.List;

/** Puts the sales report of a region on a schedule: every weekday at 07:00 in Berlin. */
public final class DailySalesReports {

    /** The task queue the reports run on. */
    public static final String TASK_QUEUE = "sales-reports";

    private DailySalesReports() {
    }

    /** The id of the schedule of {@code region}'s report; each run's workflow id starts with it. */
    public static String scheduleId(String region) {
        return "sales-report-" + region;
    }

    /**
     * Creates the schedule of {@code region}'s report. Each day's report is a run of its own, so a report still
     * awaiting approval does not hold back the next day's ({@link ScheduleOverlapPolicy#ALLOW_ALL}); a morning
     * missed while no worker ran is caught up within two hours, not later.
     */
    public static ScheduleHandle schedule(ScheduleClient schedules, String region) {
        return schedules.createSchedule(scheduleId(region), Schedule.newBuilder()
                .setAction(ScheduleActionStartWorkflow.newBuilder()
                        .setWorkflowType(SalesReportWorkflow.class)
                        .setArguments(region)
                        .setOptions(WorkflowOptions.newBuilder()
                                .setWorkflowId(scheduleId(region))
                                .setTaskQueue(TASK_QUEUE)
                                .build())
                        .build())
                .setSpec(ScheduleSpec.newBuilder()
                        .setCronExpressions(List.of("0 7 * * MON-FRI"))
                        .setTimeZone(SalesReportWorkflowImpl.ZONE)
                        .build())
                .setPolicy(SchedulePolicy.newBuilder()
                        .setOverlap(ScheduleOverlapPolicy.ALLOW_ALL)
                        .setCatchupWindow(Duration.ofHours(2))
                        .build())
                .build(), ScheduleOptions.getDefaultInstance());
    }
}
