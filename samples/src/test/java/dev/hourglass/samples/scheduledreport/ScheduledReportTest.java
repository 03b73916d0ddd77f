package dev.hourglass.samples.scheduledreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowExecutionClosedException;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.client.WorkflowUpdateException;
import dev.hourglass.client.schedules.ScheduleHandle;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A week of scheduled sales reports on the virtual clock: each weekday at 07:00 in Berlin a report is compiled and
 * waits for a reviewer's approval, sent through an update; one that nobody approves in time is escalated.
 */
class ScheduledReportTest {

    /** Monday 3 March 2025, midnight UTC; 07:00 in Berlin is 06:00 UTC in winter. */
    private static final Instant MONDAY = Instant.parse("2025-03-03T00:00:00Z");

    /** Records what the report sent and escalated; the figures are made up from the day. */
    static final class FakeReportActivities implements ReportActivities {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<LocalDate> escalated = new CopyOnWriteArrayList<>();

        @Override
        public SalesFigures compile(String region, LocalDate day) {
            return new SalesFigures(region, day, 100 + day.getDayOfMonth(), 250_000L * day.getDayOfMonth());
        }

        @Override
        public String send(SalesFigures figures, String approvedBy) {
            sent.add(figures.day() + " approved by " + approvedBy);
            return "delivery-" + figures.day();
        }

        @Override
        public void escalate(SalesFigures figures) {
            escalated.add(figures.day());
        }
    }

    private final FakeReportActivities activities = new FakeReportActivities();
    private TestWorkflowEnvironment env;
    private WorkflowClient client;
    private ScheduleHandle schedule;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setInitialTime(MONDAY).build());
        Worker worker = env.newWorker(DailySalesReports.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(SalesReportWorkflowImpl.class);
        worker.registerActivitiesImplementations(activities);
        env.start();
        client = env.getWorkflowClient();
        schedule = DailySalesReports.schedule(client.newScheduleClient(), "emea");
    }

    @AfterEach
    void close() {
        env.close();
    }

    /** Moves the virtual clock to a few minutes past 07:00 in Berlin on {@code day}. */
    private void sleepUntilMorningOf(LocalDate day) {
        Instant target = day.atTime(6, 5).toInstant(java.time.ZoneOffset.UTC);
        env.sleep(Duration.between(Instant.ofEpochMilli(env.currentTimeMillis()), target));
    }

    /** The report the schedule started on the morning of {@code day}. */
    private SalesReportWorkflow reportOf(LocalDate day) {
        return client.newWorkflowStub(SalesReportWorkflow.class,
                DailySalesReports.scheduleId("emea") + "-" + day + "T06:00:00Z");
    }

    private ReportOutcome outcomeOf(LocalDate day) {
        return WorkflowStub.fromTyped(reportOf(day)).getResult(ReportOutcome.class);
    }

    @Test
    void aWeekOfReportsIsSentWhenApprovedAndEscalatedWhenNobodyApprovesInTime() {
        LocalDate monday = LocalDate.of(2025, 3, 3);
        for (int i = 0; i < 5; i++) {
            LocalDate day = monday.plusDays(i);
            sleepUntilMorningOf(day);
            assertThat(reportOf(day).status()).isEqualTo("awaiting approval");
            if (!day.equals(monday.plusDays(1))) { // nobody approves Tuesday's report
                assertThat(reportOf(day).approve(i % 2 == 0 ? "maria" : "tomasz"))
                        .isEqualTo("approved " + (100 + day.getDayOfMonth()) + " orders of emea on " + day);
            }
        }
        sleepUntilMorningOf(LocalDate.of(2025, 3, 9)); // Friday's report is sent; no report on the weekend

        assertThat(activities.sent).containsExactly("2025-03-03 approved by maria", "2025-03-05 approved by maria",
                "2025-03-06 approved by tomasz", "2025-03-07 approved by maria");
        assertThat(activities.escalated).containsExactly(LocalDate.of(2025, 3, 4));
        assertThat(outcomeOf(monday.plusDays(1))).isEqualTo(new ReportOutcome(monday.plusDays(1), false, null, null));
        assertThat(outcomeOf(monday)).isEqualTo(new ReportOutcome(monday, true, "maria", "delivery-2025-03-03"));
        assertThat(schedule.describe().getInfo().getNumActions()).isEqualTo(5);
    }

    @Test
    void anApprovalBySomeoneWhoMayNotApproveIsRejectedAndRecordsNothing() {
        LocalDate monday = LocalDate.of(2025, 3, 3);
        sleepUntilMorningOf(monday);
        SalesReportWorkflow report = reportOf(monday);

        assertThatThrownBy(() -> report.approve("intern"))
                .isInstanceOf(WorkflowUpdateException.class)
                .hasMessageContaining("intern may not approve sales reports");
        report.approve("maria");
        // once approved, the report is sent and its run is over: a second approval finds nothing to approve
        assertThatThrownBy(() -> report.approve("tomasz")).isInstanceOf(WorkflowExecutionClosedException.class);

        assertThat(outcomeOf(monday).approvedBy()).isEqualTo("maria");
        assertThat(client.fetchHistory(DailySalesReports.scheduleId("emea") + "-2025-03-03T06:00:00Z").getEvents())
                .extracting(HistoryEvent::getEventType)
                .filteredOn(type -> type == EventType.WorkflowExecutionUpdateAccepted).hasSize(1);
    }

    @Test
    void theScheduleSkipsTheWeekend() {
        sleepUntilMorningOf(LocalDate.of(2025, 3, 7)); // Friday

        assertThat(schedule.describe().getInfo().getNextActionTimes().get(0))
                .isEqualTo(Instant.parse("2025-03-10T06:00:00Z")); // Monday, 07:00 in Berlin
    }
}
