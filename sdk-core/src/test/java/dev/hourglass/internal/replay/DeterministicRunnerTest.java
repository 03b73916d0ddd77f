package dev.hourglass.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.workflow.CompletablePromise;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runner of workflow threads: a workflow thread that blocks delivers the following events itself, so
 * control moves between OS threads only when another workflow thread must run or the task is over, while
 * the order in which threads run stays the one fixed by the history.
 */
class DeterministicRunnerTest {

    private static final ActivityOptions OPTIONS = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(5)).build();

    @ActivityInterface
    public interface Steps {
        int step(int index);

        String fetch(String key);
    }

    @WorkflowInterface
    public interface Sequence {
        @WorkflowMethod
        int run(int count);
    }

    /** Runs {@code count} activities one after the other. */
    public static class SequenceImpl implements Sequence {
        private final Steps steps = Workflow.newActivityStub(Steps.class, OPTIONS);

        @Override
        public int run(int count) {
            int sum = 0;
            for (int i = 0; i < count; i++) {
                sum += steps.step(i);
            }
            return sum;
        }
    }

    @WorkflowInterface
    public interface Interleaving {
        @WorkflowMethod
        String run();

        @SignalMethod
        void open();
    }

    /** Three threads and a signal handler that log what they do, in the order they run. */
    public static class InterleavingImpl implements Interleaving {
        final List<String> log = new ArrayList<>();
        private final Steps steps = Workflow.newActivityStub(Steps.class, OPTIONS);
        private boolean open;

        @Override
        public String run() {
            Promise<Void> a = Workflow.async(() -> {
                log.add("a1");
                log.add("a got " + steps.fetch("a"));
            });
            Promise<Void> b = Workflow.async(() -> {
                log.add("b1");
                Workflow.await(() -> open);
                log.add("b2");
            });
            log.add("root1");
            Promise.allOf(a, b).get();
            log.add("root2");
            return String.join(",", log);
        }

        @Override
        public void open() {
            log.add("signal");
            open = true;
        }
    }

    @WorkflowInterface
    public interface Handoff {
        @WorkflowMethod
        String run();
    }

    /** A consumer created before its producer waits for a value the producer hands over after a timer. */
    public static class HandoffImpl implements Handoff {
        @Override
        public String run() {
            List<String> log = new ArrayList<>();
            CompletablePromise<String> parcel = Workflow.newPromise();
            Promise<Void> consumer = Workflow.async(() -> {
                log.add("consumer got " + parcel.get());
            });
            Promise<Void> producer = Workflow.async(() -> {
                Workflow.sleep(Duration.ofSeconds(1));
                log.add("producer slept");
                parcel.complete("parcel");
                log.add("producer handed over");
            });
            Promise.allOf(consumer, producer).get();
            return String.join(", ", log);
        }
    }

    @WorkflowInterface
    public interface TimerCallback {
        @WorkflowMethod
        String run();
    }

    /** A callback on a timer's promise, which runs while the timer's event is delivered, tries to block. */
    public static class TimerCallbackImpl implements TimerCallback {
        @Override
        public String run() {
            CompletablePromise<String> never = Workflow.newPromise();
            return Workflow.newTimer(Duration.ofSeconds(1)).thenApply(fired -> {
                try {
                    return never.get();
                } catch (IllegalStateException e) {
                    return "blocking in a callback rejected";
                }
            }).get();
        }
    }

    private final List<WorkflowExecutor> executors = new ArrayList<>();

    @AfterEach
    void destroyExecutors() {
        executors.forEach(WorkflowExecutor::destroy);
    }

    private WorkflowExecutor executor(Class<?> implementation) {
        WorkflowExecutor executor = new WorkflowExecutor(WorkflowImplementation.of(implementation), true);
        executors.add(executor);
        return executor;
    }

    /** The history of {@code Sequence.run(count)} after {@code activities} activities. */
    private static HistoryBuilder sequenceHistory(int count, int activities) {
        HistoryBuilder history = HistoryBuilder.started("Sequence", count);
        for (int i = 0; i < activities; i++) {
            history.activity(String.valueOf(i + 1), "step", i, 1);
        }
        return history;
    }

    @Test
    void replayOfAThousandActivitiesHandsControlToTheWorkflowThreadOnceAndBackOnce() {
        WorkflowExecutor executor = executor(SequenceImpl.class);

        executor.replay(sequenceHistory(1000, 1000).completed(1000).build());

        assertThat(executor.isClosed()).isTrue();
        assertThat(executor.runner.handOffs()).isEqualTo(2);
    }

    @Test
    void replayOfASingleThreadOnTheCallingThreadNeedsNoHandOff() {
        WorkflowExecutor executor = executor(SequenceImpl.class);

        executor.replayThenDestroy(sequenceHistory(1000, 1000).completed(1000).build());

        assertThat(executor.isClosed()).isTrue();
        assertThat(executor.runner.handOffs()).isZero();
    }

    @Test
    void replayOnTheCallingThreadUnwindsAWorkflowMethodStillBlockedAtTheEnd() {
        WorkflowExecutor executor = executor(SequenceImpl.class);

        executor.replayThenDestroy(sequenceHistory(5, 3).build());

        assertThat(executor.isClosed()).isFalse();
        assertThat(executor.liveThreadCount()).isZero();
        assertThat(WorkflowThread.current()).isNull();
        assertThat(executor.runner.handOffs()).isZero();
    }

    @Test
    void rebuildingAnExecutionFromAHundredActivitiesInOneTaskCostsTwoHandOffs() {
        WorkflowExecutor executor = executor(SequenceImpl.class);

        WorkflowExecutor.TaskResult result = executor.processWorkflowTask(sequenceHistory(200, 100).build());

        assertThat(result.failure()).isNull();
        assertThat(result.commands()).singleElement().satisfies(command -> {
            assertThat(command.eventType()).isEqualTo(EventType.ActivityTaskScheduled);
            assertThat(((ActivityTaskScheduledAttributes) command.attributes()).activityId()).isEqualTo("101");
        });
        assertThat(executor.runner.handOffs()).isEqualTo(2);
    }

    @Test
    void eachLaterWorkflowTaskOfOneThreadCostsTwoMoreHandOffs() {
        WorkflowExecutor executor = executor(SequenceImpl.class);
        executor.processWorkflowTask(HistoryBuilder.started("Sequence", 3).build());
        long afterFirstTask = executor.runner.handOffs();

        WorkflowExecutor.TaskResult result = executor.processWorkflowTask(HistoryBuilder.started("Sequence", 3)
                .activity("1", "step", 0, 1).build());

        assertThat(result.commands())
                .extracting(command -> ((ActivityTaskScheduledAttributes) command.attributes()).activityId())
                .containsExactly("2");
        assertThat(executor.runner.handOffs() - afterFirstTask).isEqualTo(2);
    }

    /** The recorded history of {@code InterleavingImpl}: its activity completes after a signal. */
    private static History interleavingHistory() {
        return HistoryBuilder.started("Interleaving")
                .scheduled("1", "fetch", "a")
                .signaled("open")
                .activityStarted("1")
                .activityCompleted("1", "value")
                .completed("root1,a1,b1,signal,b2,a got value,root2")
                .build();
    }

    @Test
    void threadsRunInCreationOrderUntilAllAreBlockedAfterEachEvent() {
        WorkflowExecutor executor = executor(InterleavingImpl.class);
        History history = interleavingHistory();

        executor.replay(history);

        assertThat(((InterleavingImpl) executor.instance).log)
                .containsExactly("root1", "a1", "b1", "signal", "b2", "a got value", "root2");
        assertThat(executor.warnings()).isEmpty();
    }

    @Test
    void threadsInterleaveTheSameWayInLiveTasksAsInReplay() {
        WorkflowExecutor executor = executor(InterleavingImpl.class);
        HistoryBuilder history = HistoryBuilder.started("Interleaving");
        List<EventType> firstCommands = commandTypes(executor.processWorkflowTask(history.build()));
        history.scheduled("1", "fetch", "a").signaled("open");
        List<EventType> secondCommands = commandTypes(executor.processWorkflowTask(history.build()));
        history.activityStarted("1").activityCompleted("1", "value");

        WorkflowExecutor.TaskResult last = executor.processWorkflowTask(history.build());

        assertThat(firstCommands).containsExactly(EventType.ActivityTaskScheduled);
        assertThat(secondCommands).isEmpty();
        assertThat(last.commands()).singleElement()
                .satisfies(command -> assertThat(command.attributes()).isEqualTo(new WorkflowExecutionCompletedAttributes(
                        Payload.of("root1,a1,b1,signal,b2,a got value,root2"))));
    }

    @Test
    void threadsInterleaveTheSameWayWhenTheWorkflowMethodRunsOnTheCallingThread() {
        WorkflowExecutor executor = executor(InterleavingImpl.class);
        History history = interleavingHistory();

        executor.replayThenDestroy(history);

        assertThat(((InterleavingImpl) executor.instance).log)
                .containsExactly("root1", "a1", "b1", "signal", "b2", "a got value", "root2");
        assertThat(executor.warnings()).isEmpty();
        assertThat(WorkflowThread.current()).isNull();
    }

    @Test
    void aWorkflowMethodOnTheCallingThreadBlockedWhenAnotherThreadEndsTheTaskIsUnwound() {
        WorkflowExecutor executor = executor(InterleavingImpl.class);
        History history = HistoryBuilder.started("Interleaving")
                .scheduled("1", "fetch", "a")
                .signaled("open")
                .build();

        executor.replayThenDestroy(history);

        assertThat(((InterleavingImpl) executor.instance).log).containsExactly("root1", "a1", "b1", "signal", "b2");
        assertThat(executor.liveThreadCount()).isEqualTo(1);
        executor.destroy();
        assertThat(executor.liveThreadCount()).isZero();
    }

    @Test
    void aRunOfInputEventsBetweenTwoCommandsIsDeliveredInOrder() {
        WorkflowExecutor executor = executor(InterleavingImpl.class);
        HistoryBuilder history = HistoryBuilder.started("Interleaving").scheduled("1", "fetch", "a");
        for (int i = 0; i < 50; i++) {
            history.signaled("open");
        }
        List<String> expected = new ArrayList<>(List.of("root1", "a1", "b1", "signal", "b2"));
        for (int i = 1; i < 50; i++) {
            expected.add("signal");
        }
        expected.addAll(List.of("a got value", "root2"));
        history.activityStarted("1").activityCompleted("1", "value").completed(String.join(",", expected));

        executor.replayThenDestroy(history.build());

        assertThat(((InterleavingImpl) executor.instance).log).containsExactlyElementsOf(expected);
        assertThat(executor.isClosed()).isTrue();
    }

    @Test
    void aThreadUnblockedByALaterThreadRunsInTheNextPass() {
        WorkflowExecutor executor = executor(HandoffImpl.class);
        History history = HistoryBuilder.started("Handoff")
                .timerStarted("1", 1000)
                .timerFired("1")
                .completed("producer slept, producer handed over, consumer got parcel")
                .build();

        executor.replayThenDestroy(history);

        assertThat(executor.warnings()).isEmpty();
        assertThat(executor.isClosed()).isTrue();
    }

    @Test
    void aPromiseCallbackRunWhileAWorkflowThreadDeliversEventsMayNotBlock() {
        WorkflowExecutor executor = executor(TimerCallbackImpl.class);
        History history = HistoryBuilder.started("TimerCallback")
                .timerStarted("1", 1000)
                .timerFired("1")
                .completed("blocking in a callback rejected")
                .build();

        executor.replay(history);

        assertThat(executor.warnings()).isEmpty();
    }

    @Test
    void nondeterminismFoundWhileAWorkflowThreadDeliversEventsFailsTheReplay() {
        WorkflowExecutor executor = executor(SequenceImpl.class);
        History history = HistoryBuilder.started("Sequence", 3)
                .activity("1", "step", 0, 1)
                .scheduled("2", "step", 1)
                .activityStarted("9")
                .build();

        assertThatThrownBy(() -> executor.replay(history))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("at event 6")
                .hasMessageContaining("an activity that the code never started");
        assertThat(executor.liveThreadCount()).isEqualTo(1);
    }

    @Test
    void destroyingAnExecutionBlockedAfterReplayUnwindsItsThreads() {
        WorkflowExecutor executor = executor(InterleavingImpl.class);
        executor.processWorkflowTask(HistoryBuilder.started("Interleaving").build());
        assertThat(executor.liveThreadCount()).isEqualTo(3);

        executor.destroy();

        assertThat(executor.liveThreadCount()).isZero();
    }

    private static List<EventType> commandTypes(WorkflowExecutor.TaskResult result) {
        assertThat(result.failure()).isNull();
        List<EventType> types = new ArrayList<>();
        result.commands().forEach(command -> types.add(command.eventType()));
        return types;
    }
}
