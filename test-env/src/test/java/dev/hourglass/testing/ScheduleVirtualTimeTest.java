package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.schedules.Schedule;
import dev.hourglass.client.schedules.ScheduleActionStartWorkflow;
import dev.hourglass.client.schedules.ScheduleBackfill;
import dev.hourglass.client.schedules.ScheduleClient;
import dev.hourglass.client.schedules.ScheduleDescription;
import dev.hourglass.client.schedules.ScheduleHandle;
import dev.hourglass.client.schedules.ScheduleIntervalSpec;
import dev.hourglass.client.schedules.ScheduleOptions;
import dev.hourglass.client.schedules.ScheduleOverlapPolicy;
import dev.hourglass.client.schedules.SchedulePolicy;
import dev.hourglass.client.schedules.ScheduleSpec;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Schedules in virtual time: a year of fire times in a test, time zones, jitter, overlap and catch-up. */
@Timeout(60)
class ScheduleVirtualTimeTest {

    static final Instant NEW_YEAR = Instant.parse("2025-01-01T00:00:00Z");

    /** A scheduled job: notes when it started and closes after the given number of minutes. */
    @WorkflowInterface
    public interface Job {
        @WorkflowMethod
        void run(int minutes);
    }

    /** One start of a {@link Job}: its workflow id, when it started, when it closed (or was stopped). */
    record Start(String workflowId, Instant at) {
    }

    static final List<Start> STARTS = new CopyOnWriteArrayList<>();
    static final List<Start> ENDS = new CopyOnWriteArrayList<>();

    public static class JobImpl implements Job {
        @Override
        public void run(int minutes) {
            if (!Workflow.isReplaying()) {
                STARTS.add(new Start(Workflow.getInfo().getWorkflowId(), now()));
            }
            if (minutes > 0) {
                Workflow.sleep(Duration.ofMinutes(minutes));
            }
            if (!Workflow.isReplaying()) {
                ENDS.add(new Start(Workflow.getInfo().getWorkflowId(), now()));
            }
        }

        private static Instant now() {
            return Instant.ofEpochMilli(Workflow.currentTimeMillis());
        }
    }

    TestWorkflowEnvironment env;
    ScheduleClient schedules;

    @BeforeEach
    void start() {
        STARTS.clear();
        ENDS.clear();
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setInitialTime(NEW_YEAR).build());
        env.newWorker("jobs").registerWorkflowImplementationTypes(JobImpl.class);
        env.start();
        schedules = env.getWorkflowClient().newScheduleClient();
    }

    @AfterEach
    void close() {
        env.close();
    }

    static Schedule.Builder job(int minutes, ScheduleSpec spec) {
        return Schedule.newBuilder()
                .setAction(ScheduleActionStartWorkflow.newBuilder().setWorkflowType(Job.class).setArguments(minutes)
                        .setOptions(WorkflowOptions.newBuilder().setWorkflowId("job").setTaskQueue("jobs").build())
                        .build())
                .setSpec(spec);
    }

    static ScheduleSpec cron(String expression) {
        return ScheduleSpec.newBuilder().setCronExpressions(List.of(expression)).build();
    }

    ScheduleHandle create(String id, Schedule.Builder schedule) {
        return schedules.createSchedule(id, schedule.build(), ScheduleOptions.getDefaultInstance());
    }

    static List<Instant> startTimes() {
        return STARTS.stream().map(Start::at).toList();
    }

    @Test
    void aDailyScheduleRunsEveryDayOfAYearInVirtualTime() {
        long began = System.nanoTime();
        create("daily", job(0, cron("@daily")));

        env.sleep(Duration.ofDays(365).plusHours(1));

        System.out.printf("365 days of a daily schedule took %d ms of real time%n",
                (System.nanoTime() - began) / 1_000_000);
        assertThat(STARTS).hasSize(365);
        assertThat(STARTS.get(0)).isEqualTo(new Start("job-2025-01-02T00:00:00Z",
                Instant.parse("2025-01-02T00:00:00Z")));
        assertThat(STARTS.get(364).at()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void anIntervalWithAnOffsetFiresAtTheOffsetOfEachInterval() {
        create("hourly-at-quarter-past", job(0, ScheduleSpec.newBuilder()
                .setIntervals(List.of(new ScheduleIntervalSpec(Duration.ofHours(1), Duration.ofMinutes(15)))).build()));

        env.sleep(Duration.ofHours(3));

        assertThat(startTimes()).containsExactly(Instant.parse("2025-01-01T00:15:00Z"),
                Instant.parse("2025-01-01T01:15:00Z"), Instant.parse("2025-01-01T02:15:00Z"));
    }

    @Test
    void aCronExpressionFollowsTheTimeZoneOfTheSpecAcrossDaylightSavingTime() {
        env.sleep(Duration.ofDays(87)); // to 2025-03-29, a day before summer time begins in Berlin
        create("berlin", job(0, ScheduleSpec.newBuilder().setCronExpressions(List.of("0 9 * * *"))
                .setTimeZone(ZoneId.of("Europe/Berlin")).build()));

        env.sleep(Duration.ofDays(2));

        assertThat(startTimes()).containsExactly(Instant.parse("2025-03-29T08:00:00Z"),
                Instant.parse("2025-03-30T07:00:00Z"));
    }

    @Test
    void jitterDelaysEachFireTimeWithinItsBoundTheSameWayForTheSameScheduleId() {
        ScheduleSpec spec = ScheduleSpec.newBuilder().setCronExpressions(List.of("0 * * * *"))
                .setJitter(Duration.ofMinutes(10)).build();
        ScheduleHandle handle = create("jittery", job(0, spec));
        List<Instant> announced = handle.describe().getInfo().getNextActionTimes();

        env.sleep(Duration.ofHours(5).plusMinutes(10));

        List<Instant> times = startTimes();
        assertThat(times).hasSize(5).isEqualTo(announced.subList(0, 5));
        for (int hour = 1; hour <= 5; hour++) {
            Instant nominal = NEW_YEAR.plus(Duration.ofHours(hour));
            assertThat(times.get(hour - 1)).isBetween(nominal, nominal.plus(Duration.ofMinutes(10)));
        }
        assertThat(times).as("jittered, not all on the hour")
                .anyMatch(time -> !time.equals(time.truncatedTo(java.time.temporal.ChronoUnit.HOURS)));
        handle.delete();
        STARTS.clear();
        create("jittery", job(0, spec));
        env.sleep(Duration.ofHours(5).plusMinutes(10));
        assertThat(startTimes()).as("the same id, the same delays at the same fire times")
                .isEqualTo(announced.subList(5, 10));
    }

    static ScheduleSpec hourly() {
        return ScheduleSpec.newBuilder().setIntervals(List.of(new ScheduleIntervalSpec(Duration.ofHours(1)))).build();
    }

    static Schedule.Builder overlapping(ScheduleOverlapPolicy policy) {
        return job(150, hourly()).setPolicy(SchedulePolicy.newBuilder().setOverlap(policy).build());
    }

    Instant at(String time) {
        return Instant.parse("2025-01-01T" + time + "Z");
    }

    dev.hourglass.client.WorkflowExecutionStatus status(String workflowId) {
        return env.getWorkflowClient().newUntypedWorkflowStub(workflowId).describe().getStatus();
    }

    @Test
    void bufferOneStartsTheBufferedFireOnceTheRunningRunClosesAndSkipsTheNext() {
        ScheduleHandle handle = create("buffer-one", overlapping(ScheduleOverlapPolicy.BUFFER_ONE));

        env.sleep(Duration.ofMinutes(215)); // to 03:35: the 01:00 run closed at 03:30

        assertThat(STARTS).extracting(Start::workflowId)
                .containsExactly("job-2025-01-01T01:00:00Z", "job-2025-01-01T02:00:00Z");
        assertThat(STARTS.get(1).at()).isBetween(at("03:30:00"), at("03:31:00"));
        assertThat(handle.describe().getInfo().getNumActionsSkippedOverlap()).as("the 03:00 fire").isEqualTo(1);
    }

    @Test
    void cancelOtherCancelsTheRunningRunAndStartsTheNewOneOnceItClosed() {
        create("cancel-other", overlapping(ScheduleOverlapPolicy.CANCEL_OTHER));

        env.sleep(Duration.ofMinutes(125));

        assertThat(status("job-2025-01-01T01:00:00Z")).isEqualTo(dev.hourglass.client.WorkflowExecutionStatus.CANCELED);
        assertThat(STARTS).extracting(Start::workflowId)
                .containsExactly("job-2025-01-01T01:00:00Z", "job-2025-01-01T02:00:00Z");
        assertThat(STARTS.get(1).at()).isBetween(at("02:00:00"), at("02:01:00"));
    }

    @Test
    void terminateOtherTerminatesTheRunningRunAndStartsTheNewOneAtOnce() {
        create("terminate-other", overlapping(ScheduleOverlapPolicy.TERMINATE_OTHER));

        env.sleep(Duration.ofMinutes(125));

        assertThat(status("job-2025-01-01T01:00:00Z"))
                .isEqualTo(dev.hourglass.client.WorkflowExecutionStatus.TERMINATED);
        assertThat(STARTS).containsExactly(new Start("job-2025-01-01T01:00:00Z", at("01:00:00")),
                new Start("job-2025-01-01T02:00:00Z", at("02:00:00")));
    }

    @Test
    void allowAllStartsEachFireWhileTheEarlierRunsStillRun() {
        ScheduleHandle handle = create("allow-all", overlapping(ScheduleOverlapPolicy.ALLOW_ALL));

        env.sleep(Duration.ofMinutes(185));

        assertThat(startTimes()).containsExactly(at("01:00:00"), at("02:00:00"), at("03:00:00"));
        assertThat(ENDS).isEmpty();
        assertThat(handle.describe().getInfo().getRunningActions()).hasSize(3);
    }

    @Test
    void backfillRunsEachFireTimeOfThePastRangeOneAfterTheOtherUnderBufferAll() {
        ScheduleHandle handle = create("backfilled", job(0, cron("@daily")));

        handle.backfill(List.of(new ScheduleBackfill(Instant.parse("2024-12-01T00:00:00Z"),
                Instant.parse("2024-12-04T00:00:00Z"), ScheduleOverlapPolicy.BUFFER_ALL)));
        env.sleep(Duration.ofMinutes(1));

        assertThat(STARTS).extracting(Start::workflowId).containsExactly("job-2024-12-01T00:00:00Z",
                "job-2024-12-02T00:00:00Z", "job-2024-12-03T00:00:00Z");
    }

    @Test
    void updateReplacesTheSpecFromNowOn() {
        ScheduleHandle handle = create("updated", job(0, cron("@daily")));

        handle.update(description -> Schedule.newBuilder(description.getSchedule())
                .setSpec(cron("0 * * * *")).build());
        env.sleep(Duration.ofMinutes(185));

        assertThat(startTimes()).containsExactly(at("01:00:00"), at("02:00:00"), at("03:00:00"));
        ScheduleDescription description = handle.describe();
        assertThat(description.getSchedule().getSpec().getCronExpressions()).containsExactly("0 * * * *");
        assertThat(description.getInfo().getLastUpdatedAt()).isEqualTo(NEW_YEAR);
    }

    @Test
    void describeListsTheNextActionTimes() {
        ScheduleHandle handle = create("mondays", job(0, cron("0 9 * * MON")));

        assertThat(handle.describe().getInfo().getNextActionTimes()).startsWith(
                Instant.parse("2025-01-06T09:00:00Z"), Instant.parse("2025-01-13T09:00:00Z"),
                Instant.parse("2025-01-20T09:00:00Z"));
    }

    @Test
    void fireTimesFoundDueLaterThanTheCatchupWindowAreMissed() {
        // the worker that starts the runs takes 20 s at each action, so the schedule finds later fire times late
        env.close();
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setInitialTime(NEW_YEAR)
                .setFaultPlan(dev.hourglass.testing.faults.FaultPlan.newBuilder()
                        .delayActivity("hourglass.schedule.act", 1, Duration.ofSeconds(20)).build())
                .build());
        env.newWorker("jobs").registerWorkflowImplementationTypes(JobImpl.class);
        env.start();
        ScheduleHandle handle = env.getWorkflowClient().newScheduleClient().createSchedule("catch-up",
                job(0, ScheduleSpec.newBuilder().setIntervals(List.of(new ScheduleIntervalSpec(Duration.ofSeconds(5))))
                        .build()).setPolicy(SchedulePolicy.newBuilder().setCatchupWindow(Duration.ofSeconds(1))
                        .build()).build(), ScheduleOptions.getDefaultInstance());

        env.sleep(Duration.ofSeconds(26));

        assertThat(STARTS).containsExactly(new Start("job-2025-01-01T00:00:05Z", at("00:00:25")));
        assertThat(handle.describe().getInfo().getNumActionsMissedCatchupWindow())
                .as("the fire times of :10, :15 and :20, found due at :25").isEqualTo(3);
    }

    /** Fails at once when given a negative number of minutes. */
    @WorkflowInterface
    public interface FailingJob {
        @WorkflowMethod
        void run(int minutes);
    }

    public static class FailingJobImpl implements FailingJob {
        @Override
        public void run(int minutes) {
            if (!Workflow.isReplaying()) {
                STARTS.add(new Start(Workflow.getInfo().getWorkflowId(), Instant.ofEpochMilli(Workflow.currentTimeMillis())));
            }
            throw dev.hourglass.failure.ApplicationFailure.newNonRetryableFailure("the job broke", "Broken");
        }
    }

    @Test
    void pauseOnFailurePausesTheScheduleOnceARunFailed() {
        env.close();
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setInitialTime(NEW_YEAR).build());
        env.newWorker("failing").registerWorkflowImplementationTypes(FailingJobImpl.class);
        env.start();
        ScheduleHandle handle = env.getWorkflowClient().newScheduleClient().createSchedule("fragile", Schedule.newBuilder()
                .setAction(ScheduleActionStartWorkflow.newBuilder().setWorkflowType(FailingJob.class).setArguments(0)
                        .setOptions(WorkflowOptions.newBuilder().setWorkflowId("fragile").setTaskQueue("failing")
                                .build()).build())
                .setSpec(hourly())
                .setPolicy(SchedulePolicy.newBuilder().setPauseOnFailure(true).build())
                .build(), ScheduleOptions.getDefaultInstance());

        env.sleep(Duration.ofHours(3));

        assertThat(STARTS).extracting(Start::workflowId).containsExactly("fragile-2025-01-01T01:00:00Z");
        assertThat(handle.describe().getSchedule().getState().isPaused()).isTrue();
        assertThat(handle.describe().getSchedule().getState().getNote()).contains("fragile-2025-01-01T01:00:00Z");
    }

    @Test
    void aCronExpressionThatCannotBeReadIsRefusedAtCreation() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> create("typo", job(0, cron("0 9 * MON"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"0 9 * MON\"");
    }

    @Test
    void aSpecWithoutTimesIsRefusedAtCreation() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> create("never", job(0, ScheduleSpec.newBuilder().build())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never fire");
    }

    @Test
    void aHandleOfAScheduleThatDoesNotExistThrowsScheduleNotFound() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> schedules.getHandle("missing").pause("why"))
                .isInstanceOf(dev.hourglass.client.schedules.ScheduleNotFoundException.class)
                .hasMessageContaining("'missing'");
    }

    @Test
    void limitedActionsStopAfterTheRemainingCount() {
        ScheduleHandle handle = create("three-times", job(0, hourly()).setState(
                dev.hourglass.client.schedules.ScheduleState.newBuilder().setLimitedAction(true)
                        .setRemainingActions(3).build()));

        env.sleep(Duration.ofHours(6));

        assertThat(startTimes()).containsExactly(at("01:00:00"), at("02:00:00"), at("03:00:00"));
        assertThat(handle.describe().getSchedule().getState().getRemainingActions()).isZero();
    }
}
