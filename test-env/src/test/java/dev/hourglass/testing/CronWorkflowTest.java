package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.PayloadCodecs;
import dev.hourglass.failure.TerminatedFailure;
import dev.hourglass.history.History;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A workflow on a cron schedule runs once per fire time in virtual time: a year of a daily schedule in a test. */
@Timeout(60)
class CronWorkflowTest {

    private static final Instant NEW_YEAR = Instant.parse("2025-01-01T00:00:00Z");

    /** Counts its runs through the last completed run's result, and notes when each run began. */
    @WorkflowInterface
    public interface DailyReport {
        @WorkflowMethod
        int report(String team);
    }

    static final List<Instant> RUN_TIMES = new CopyOnWriteArrayList<>();
    static final List<String> SCHEDULES_SEEN = new CopyOnWriteArrayList<>();

    public static class DailyReportImpl implements DailyReport {
        @Override
        public int report(String team) {
            if (!Workflow.isReplaying()) {
                RUN_TIMES.add(Instant.ofEpochMilli(Workflow.currentTimeMillis()));
                SCHEDULES_SEEN.add(Workflow.getInfo().getCronSchedule().orElse("none"));
            }
            Integer previous = Workflow.getLastCompletionResult(Integer.class);
            return previous == null ? 1 : previous + 1;
        }
    }

    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void start() {
        RUN_TIMES.clear();
        SCHEDULES_SEEN.clear();
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setInitialTime(NEW_YEAR).build());
        env.newWorker("reports").registerWorkflowImplementationTypes(DailyReportImpl.class);
        env.newWorker("compacting").registerWorkflowImplementationTypes(CompactingImpl.class);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void close() {
        env.close();
    }

    private DailyReport daily(String schedule) {
        return client.newWorkflowStub(DailyReport.class, WorkflowOptions.newBuilder()
                .setWorkflowId("report").setTaskQueue("reports").setCronSchedule(schedule).build());
    }

    @Test
    void aDailyScheduleRunsOncePerDayForAYear() {
        WorkflowClient.start(daily("0 9 * * *")::report, "payments");

        env.sleep(Duration.ofDays(365));

        assertThat(RUN_TIMES).hasSize(365);
        assertThat(RUN_TIMES.get(0)).isEqualTo(Instant.parse("2025-01-01T09:00:00Z"));
        assertThat(RUN_TIMES.get(364)).isEqualTo(Instant.parse("2025-12-31T09:00:00Z"));
        History latest = client.fetchHistory("report");
        assertThat(latest.getEvents().get(0).getAttributes(WorkflowExecutionStartedAttributes.class)
                .lastCompletionResult().decode(Integer.class)).isEqualTo(365);
    }

    @Test
    void aScheduleWithAZoneFiresAtTheLocalTimeOfThatZone() {
        WorkflowClient.start(daily("CRON_TZ=Europe/Paris 0 9 * * MON")::report, "payments");

        env.sleep(Duration.ofDays(7));

        assertThat(RUN_TIMES).containsExactly(Instant.parse("2025-01-06T08:00:00Z"));
    }

    @Test
    void aRunSeesItsScheduleInItsInfo() {
        WorkflowClient.start(daily("@daily")::report, "payments");

        env.sleep(Duration.ofDays(1));

        assertThat(SCHEDULES_SEEN).containsExactly("@daily");
    }

    @Test
    void theStubsResultFollowsTheScheduleUntilItEnds() {
        DailyReport report = daily("@hourly");
        WorkflowClient.start(report::report, "payments");
        env.registerDelayedCallback(Duration.ofHours(5).plusMinutes(30),
                () -> client.newUntypedWorkflowStub("report").terminate("enough"));

        assertThatThrownBy(() -> WorkflowStub.fromTyped(report).getResult(Integer.class))
                .isInstanceOf(WorkflowFailedException.class)
                .hasCauseInstanceOf(TerminatedFailure.class);
        assertThat(RUN_TIMES).hasSize(5);
    }

    @Test
    void terminatingTheWorkflowEndsTheSchedule() {
        DailyReport report = daily("0 9 * * *");
        WorkflowClient.start(report::report, "payments");
        env.sleep(Duration.ofDays(3));

        client.newUntypedWorkflowStub("report").terminate("the team was merged");
        env.sleep(Duration.ofDays(30));

        assertThat(RUN_TIMES).hasSize(3);
        assertThat(WorkflowStub.fromTyped(report).describe().getStatus().name()).isEqualTo("TERMINATED");
    }

    /** Continues as new after its first run, carrying on the same schedule. */
    @WorkflowInterface
    public interface Compacting {
        @WorkflowMethod
        int compact(int generation);
    }

    public static class CompactingImpl implements Compacting {
        @Override
        public int compact(int generation) {
            if (!Workflow.isReplaying()) {
                RUN_TIMES.add(Instant.ofEpochMilli(Workflow.currentTimeMillis()));
                SCHEDULES_SEEN.add(Workflow.getInfo().getCronSchedule().orElse("none"));
            }
            if (generation == 0) {
                Workflow.continueAsNew(1);
            }
            return generation;
        }
    }

    @Test
    void aRunThatContinuesAsNewKeepsTheSchedule() {
        Compacting compacting = client.newWorkflowStub(Compacting.class, WorkflowOptions.newBuilder()
                .setWorkflowId("compacting").setTaskQueue("compacting").setCronSchedule("@daily").build());
        WorkflowClient.start(compacting::compact, 0);

        env.sleep(Duration.ofDays(2).plusHours(1));

        // at the first fire, generation 0 continues as new at once into generation 1, whose runs follow daily
        assertThat(SCHEDULES_SEEN).containsExactly("@daily", "@daily", "@daily");
        assertThat(RUN_TIMES).containsExactly(Instant.parse("2025-01-02T00:00:00Z"),
                Instant.parse("2025-01-02T00:00:00Z"), Instant.parse("2025-01-03T00:00:00Z"));
    }

    @Test
    void theExecutionTimeoutEndsTheSchedule() {
        DailyReport report = client.newWorkflowStub(DailyReport.class, WorkflowOptions.newBuilder()
                .setWorkflowId("report").setTaskQueue("reports").setCronSchedule("0 9 * * *")
                .setWorkflowExecutionTimeout(Duration.ofDays(3)).build());
        WorkflowClient.start(report::report, "payments");

        env.sleep(Duration.ofDays(10));

        assertThat(RUN_TIMES).hasSize(3);
        assertThat(WorkflowStub.fromTyped(report).describe().getStatus().name()).isEqualTo("TIMED_OUT");
    }

    @Test
    void theLastCompletionResultIsDecodedWithTheClientsCodecs() {
        env.close();
        PayloadCodec codec = PayloadCodecs.aesGcm("k1", new SecretKeySpec(new byte[16], "AES"));
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setInitialTime(NEW_YEAR)
                .setPayloadCodecs(codec).build());
        env.newWorker("reports").registerWorkflowImplementationTypes(DailyReportImpl.class);
        env.start();
        client = env.getWorkflowClient();
        WorkflowClient.start(daily("@daily")::report, "payments");

        env.sleep(Duration.ofDays(3));

        History latest = client.fetchHistory("report");
        assertThat(started(latest).lastCompletionResult().toJson()).contains("hourglass/encoded");
        assertThat(started(latest.withDecodedPayloads(List.of(codec))).lastCompletionResult().decode(Integer.class))
                .isEqualTo(3);
    }

    private static WorkflowExecutionStartedAttributes started(History history) {
        return history.getEvents().get(0).getAttributes(WorkflowExecutionStartedAttributes.class);
    }
}
