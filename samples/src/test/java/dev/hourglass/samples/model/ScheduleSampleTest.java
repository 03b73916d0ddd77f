package dev.hourglass.samples.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.schedules.Schedule;
import dev.hourglass.client.schedules.ScheduleActionStartWorkflow;
import dev.hourglass.client.schedules.ScheduleClient;
import dev.hourglass.client.schedules.ScheduleDescription;
import dev.hourglass.client.schedules.ScheduleHandle;
import dev.hourglass.client.schedules.ScheduleOptions;
import dev.hourglass.client.schedules.ScheduleOverlapPolicy;
import dev.hourglass.client.schedules.SchedulePolicy;
import dev.hourglass.client.schedules.ScheduleSpec;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A daily sales report on a schedule: created, described, triggered and paused, in virtual time. */
class ScheduleSampleTest {

    @ActivityInterface
    public interface Reports {
        void publish(String team);
    }

    @WorkflowInterface
    public interface DailyReport {
        @WorkflowMethod
        void report(String team);
    }

    public static class DailyReportImpl implements DailyReport {
        private final Reports reports = Workflow.newActivityStub(Reports.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(5)).build());

        @Override
        public void report(String team) {
            reports.publish(team);
        }
    }

    private final Reports reports = mock(Reports.class);
    private TestWorkflowEnvironment env;
    private ScheduleClient schedules;

    @BeforeEach
    void startEnvironment() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setInitialTime(Instant.parse("2025-01-01T00:00:00Z")).build());
        Worker worker = env.newWorker("reports");
        worker.registerWorkflowImplementationTypes(DailyReportImpl.class);
        worker.registerActivitiesImplementations(reports);
        env.start();
        schedules = env.getWorkflowClient().newScheduleClient();
    }

    @AfterEach
    void closeEnvironment() {
        env.close();
    }

    private ScheduleHandle createDailyReport() {
        // guide: schedule-create begin
        ScheduleHandle handle = schedules.createSchedule("daily-sales-report", Schedule.newBuilder()
                        .setAction(ScheduleActionStartWorkflow.newBuilder()
                                .setWorkflowType(DailyReport.class)
                                .setArguments("sales")
                                .setOptions(WorkflowOptions.newBuilder()
                                        .setWorkflowId("daily-sales-report") // each run: daily-sales-report-<time>
                                        .setTaskQueue("reports")
                                        .build())
                                .build())
                        .setSpec(ScheduleSpec.newBuilder()
                                .setCronExpressions(List.of("0 7 * * *"))
                                .setTimeZone(ZoneId.of("Europe/Paris"))
                                .build())
                        .setPolicy(SchedulePolicy.newBuilder()
                                .setOverlap(ScheduleOverlapPolicy.SKIP)
                                .setCatchupWindow(Duration.ofHours(1))
                                .build())
                        .build(),
                ScheduleOptions.getDefaultInstance());
        // guide: schedule-create end
        return handle;
    }

    @Test
    void theReportRunsEveryMorningAndTheDescriptionSaysWhen() {
        ScheduleHandle handle = createDailyReport();

        // guide: schedule-describe begin
        env.sleep(Duration.ofDays(7)); // a week, in virtual time

        ScheduleDescription description = handle.describe();
        assertThat(description.getInfo().getNumActions()).isEqualTo(7);
        assertThat(description.getInfo().getRecentActions().get(0).getWorkflowExecution().getWorkflowId())
                .isEqualTo("daily-sales-report-2025-01-01T06:00:00Z"); // 7:00 in Paris
        assertThat(description.getInfo().getNextActionTimes().get(0))
                .isEqualTo(Instant.parse("2025-01-08T06:00:00Z"));
        // guide: schedule-describe end
        verify(reports, times(7)).publish("sales");
    }

    @Test
    void aTriggerRunsTheReportNowAndAPauseStopsTheDailyRuns() {
        ScheduleHandle handle = createDailyReport();

        // guide: schedule-trigger-pause begin
        handle.trigger(); // one report now, at 00:00 UTC
        env.sleep(Duration.ofMinutes(1));
        verify(reports).publish("sales");

        handle.pause("the sales team is on holiday");
        env.sleep(Duration.ofDays(7));
        verify(reports).publish("sales"); // still once: the paused schedule started nothing

        assertThat(handle.describe().getSchedule().getState().getNote()).isEqualTo("the sales team is on holiday");
        // guide: schedule-trigger-pause end
    }
}
