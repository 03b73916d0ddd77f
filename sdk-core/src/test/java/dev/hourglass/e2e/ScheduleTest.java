package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.schedules.Schedule;
import dev.hourglass.client.schedules.ScheduleActionStartWorkflow;
import dev.hourglass.client.schedules.ScheduleAlreadyRunningException;
import dev.hourglass.client.schedules.ScheduleClient;
import dev.hourglass.client.schedules.ScheduleDescription;
import dev.hourglass.client.schedules.ScheduleHandle;
import dev.hourglass.client.schedules.ScheduleIntervalSpec;
import dev.hourglass.client.schedules.ScheduleListDescription;
import dev.hourglass.client.schedules.ScheduleNotFoundException;
import dev.hourglass.client.schedules.ScheduleOptions;
import dev.hourglass.client.schedules.ScheduleOverlapPolicy;
import dev.hourglass.client.schedules.SchedulePolicy;
import dev.hourglass.client.schedules.ScheduleSpec;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Schedules on each service: created, described, listed, paused, triggered and deleted, in real time. */
class ScheduleTest {

    /** A scheduled job that notes its start and runs for the given milliseconds. */
    @WorkflowInterface
    public interface Job {
        @WorkflowMethod
        void run(long millis);
    }

    static final List<String> STARTS = new CopyOnWriteArrayList<>();

    public static class JobImpl implements Job {
        @Override
        public void run(long millis) {
            if (!Workflow.isReplaying()) {
                STARTS.add(Workflow.getInfo().getWorkflowId());
            }
            if (millis > 0) {
                Workflow.sleep(Duration.ofMillis(millis));
            }
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder().registerWorkflowImplementationTypes(JobImpl.class).build();

    private ScheduleClient schedules;

    @BeforeEach
    void clear() {
        STARTS.clear();
        schedules = env.client().newScheduleClient();
    }

    private Schedule.Builder job(long millis, ScheduleSpec spec) {
        return Schedule.newBuilder()
                .setAction(ScheduleActionStartWorkflow.newBuilder().setWorkflowType(Job.class).setArguments(millis)
                        .setOptions(WorkflowOptions.newBuilder().setWorkflowId("job").setTaskQueue(env.taskQueue())
                                .build())
                        .build())
                .setSpec(spec);
    }

    private static ScheduleSpec everySecond() {
        return ScheduleSpec.newBuilder().setIntervals(List.of(new ScheduleIntervalSpec(Duration.ofSeconds(1)))).build();
    }

    private static ScheduleSpec yearly() {
        return ScheduleSpec.newBuilder().setCronExpressions(List.of("0 0 1 1 *")).build();
    }

    private ScheduleHandle create(String id, Schedule.Builder schedule) {
        return schedules.createSchedule(id, schedule.build(), ScheduleOptions.getDefaultInstance());
    }

    @Test
    void describeReturnsTheScheduleAsCreatedAndItsNextActionTimes() {
        ScheduleHandle handle = create("yearly", job(0, yearly()));

        ScheduleDescription description = handle.describe();

        assertThat(description.getId()).isEqualTo("yearly");
        ScheduleActionStartWorkflow action = (ScheduleActionStartWorkflow) description.getSchedule().getAction();
        assertThat(action.getWorkflowType()).isEqualTo("Job");
        assertThat(action.getArguments()).containsExactly(0);
        assertThat(action.getOptions().getTaskQueue()).isEqualTo(env.taskQueue());
        assertThat(description.getSchedule().getSpec().getCronExpressions()).containsExactly("0 0 1 1 *");
        assertThat(description.getInfo().getNumActions()).isZero();
        assertThat(description.getInfo().getNextActionTimes()).hasSize(10)
                .allMatch(time -> time.toString().endsWith("-01-01T00:00:00Z"));
    }

    @Test
    void creatingAnIdThatExistsFails() {
        create("twice", job(0, yearly()));

        assertThatThrownBy(() -> create("twice", job(0, yearly())))
                .isInstanceOf(ScheduleAlreadyRunningException.class).hasMessageContaining("'twice'");
    }

    @Test
    void anIntervalScheduleStartsARunAtEachInterval() {
        ScheduleHandle handle = create("every-second", job(0, everySecond()));

        E2eEnvironment.await("two scheduled runs", () -> STARTS.size() >= 2);

        assertThat(STARTS).allMatch(id -> id.startsWith("job-"));
        E2eEnvironment.await("the actions to be counted", () -> handle.describe().getInfo().getNumActions() >= 2);
    }

    @Test
    void pauseStopsTheRunsAndUnpauseResumesThem() {
        ScheduleHandle handle = create("pausing", job(0, everySecond()));
        E2eEnvironment.await("a scheduled run", () -> !STARTS.isEmpty());

        handle.pause("maintenance");
        E2eEnvironment.await("the schedule to be paused", () -> handle.describe().getSchedule().getState().isPaused());
        int whilePaused = STARTS.size();
        E2eEnvironment.pause(Duration.ofMillis(2_500));

        assertThat(STARTS).hasSize(whilePaused);
        assertThat(handle.describe().getSchedule().getState().getNote()).isEqualTo("maintenance");
        handle.unpause("done");
        E2eEnvironment.await("a run after the unpause", () -> STARTS.size() > whilePaused);
    }

    @Test
    void triggerStartsOneRunNow() {
        ScheduleHandle handle = create("on-demand", job(0, yearly()));

        handle.trigger();

        E2eEnvironment.await("the triggered run", () -> STARTS.size() == 1);
        E2eEnvironment.await("the action to be recorded",
                () -> handle.describe().getInfo().getRecentActions().size() == 1);
    }

    @Test
    void deleteStopsTheScheduleAndForgetsIt() {
        ScheduleHandle handle = create("deleted", job(0, everySecond()));
        E2eEnvironment.await("a scheduled run", () -> !STARTS.isEmpty());

        handle.delete();
        E2eEnvironment.pause(Duration.ofMillis(300));
        int afterDelete = STARTS.size();
        E2eEnvironment.pause(Duration.ofMillis(2_000));

        assertThat(STARTS).hasSize(afterDelete);
        assertThatThrownBy(handle::describe).isInstanceOf(ScheduleNotFoundException.class)
                .hasMessageContaining("'deleted'");
    }

    @Test
    void skipDoesNotStartARunWhileTheLastOneRuns() {
        ScheduleHandle handle = create("skipping", job(4_000, everySecond())
                .setPolicy(SchedulePolicy.newBuilder().setOverlap(ScheduleOverlapPolicy.SKIP).build()));

        E2eEnvironment.await("two skipped fire times",
                () -> handle.describe().getInfo().getNumActionsSkippedOverlap() >= 2);

        assertThat(STARTS).hasSize(1);
        assertThat(handle.describe().getInfo().getRunningActions()).hasSize(1);
    }

    @Test
    void listShowsTheSchedulesThatExist() {
        create("first", job(0, yearly()));
        create("second", job(0, yearly())).delete();
        create("third", job(0, yearly()));

        assertThat(schedules.listSchedules().map(ScheduleListDescription::getScheduleId))
                .containsExactlyInAnyOrder("first", "third");
    }
}
