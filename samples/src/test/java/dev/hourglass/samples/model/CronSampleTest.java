package dev.hourglass.samples.model;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A weekly sales report on a cron schedule, each run reporting what was sold since the last report. */
class CronSampleTest {

    @ActivityInterface
    public interface Sales {
        long totalSince(long afterOrderNumber);

        long lastOrderNumber();

        void publish(String report);
    }

    // guide: cron-workflow begin
    @WorkflowInterface
    public interface WeeklyReport {
        @WorkflowMethod
        long report(String team);
    }

    public static class WeeklyReportImpl implements WeeklyReport {
        private final Sales sales = Workflow.newActivityStub(Sales.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(5)).build());

        @Override
        public long report(String team) {
            Long reportedUpTo = Workflow.getLastCompletionResult(Long.class); // null on the first run
            long from = reportedUpTo == null ? 0 : reportedUpTo;
            long upTo = sales.lastOrderNumber();
            sales.publish(team + ": " + sales.totalSince(from) + " sold since order " + from);
            return upTo; // the next run reads it with getLastCompletionResult
        }
    }
    // guide: cron-workflow end

    private final Sales sales = mock(Sales.class);
    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void startEnvironment() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setInitialTime(Instant.parse("2025-01-01T00:00:00Z")).build());
        Worker worker = env.newWorker("reports");
        worker.registerWorkflowImplementationTypes(WeeklyReportImpl.class);
        worker.registerActivitiesImplementations(sales);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void closeEnvironment() {
        env.close();
    }

    // guide: cron-start begin
    @Test
    void eachMondaysReportCoversTheWeekSinceTheLastOne() {
        when(sales.lastOrderNumber()).thenReturn(120L, 250L);
        when(sales.totalSince(0)).thenReturn(120L);
        when(sales.totalSince(120)).thenReturn(130L);

        WeeklyReport report = client.newWorkflowStub(WeeklyReport.class, WorkflowOptions.newBuilder()
                .setWorkflowId("weekly-sales")
                .setTaskQueue("reports")
                .setCronSchedule("CRON_TZ=Europe/Paris 0 9 * * MON")
                .build());
        WorkflowClient.start(report::report, "sales");

        env.sleep(Duration.ofDays(14)); // two Mondays, in virtual time

        verify(sales).publish("sales: 120 sold since order 0");
        verify(sales).publish("sales: 130 sold since order 120");
    }
    // guide: cron-start end
}
