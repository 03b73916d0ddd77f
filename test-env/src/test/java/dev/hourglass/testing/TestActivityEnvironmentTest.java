package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.Activity;
import dev.hourglass.client.ActivityCanceledException;
import dev.hourglass.activity.ActivityExecutionContext;
import dev.hourglass.activity.ActivityInfo;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityMethod;
import dev.hourglass.common.DataConverterException;
import dev.hourglass.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestActivityEnvironmentTest {

    @ActivityInterface
    public interface FileProcessor {
        /** Processes chunks up to {@code lastChunk}, resuming after the last heartbeated chunk; returns how many. */
        int process(int lastChunk);

        @ActivityMethod(name = "describe")
        String describeAttempt();

        Receipt archive(Receipt receipt);

        default String processAndDescribe(int lastChunk) {
            return process(lastChunk) + " chunks, " + describeAttempt();
        }
    }

    public record Receipt(String file, List<Integer> chunks) {
    }

    public static class FileProcessorImpl implements FileProcessor {
        final List<Thread> threads = new ArrayList<>();

        @Override
        public int process(int lastChunk) {
            threads.add(Thread.currentThread());
            ActivityExecutionContext context = Activity.getExecutionContext();
            int first = context.getHeartbeatDetails(Integer.class).orElse(0) + 1;
            for (int chunk = first; chunk <= lastChunk; chunk++) {
                context.heartbeat(chunk);
            }
            return lastChunk - first + 1;
        }

        @Override
        public String describeAttempt() {
            ActivityInfo info = Activity.getExecutionContext().getInfo();
            return info.getActivityType() + " #" + info.getActivityId() + " attempt " + info.getAttempt() + " of "
                    + info.getWorkflowType() + " " + info.getWorkflowId() + " on " + info.getTaskQueue();
        }

        @Override
        public Receipt archive(Receipt receipt) {
            if (receipt.chunks().isEmpty()) {
                throw ApplicationFailure.newNonRetryableFailure("nothing to archive in " + receipt.file(), "Empty");
            }
            return new Receipt(receipt.file() + ".gz", receipt.chunks());
        }
    }

    private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    private final FileProcessorImpl implementation = new FileProcessorImpl();

    @AfterEach
    void tearDown() {
        env.close();
    }

    private FileProcessor processor() {
        env.registerActivitiesImplementations(implementation);
        return env.newActivityStub(FileProcessor.class);
    }

    @Test
    void runsTheActivityOnTheCallingThread() {
        assertThat(processor().process(2)).isEqualTo(2);
        assertThat(implementation.threads).containsExactly(Thread.currentThread());
    }

    @Test
    void theContextReportsAttemptOneAndTheActivityTypeByDefault() {
        assertThat(processor().describeAttempt())
                .isEqualTo("describe #1 attempt 1 of TestActivityWorkflow test-activity-workflow on test-activity-queue");
    }

    @Test
    void theContextReportsTheAttemptThatWasSet() {
        FileProcessor processor = processor();
        env.setAttempt(3);
        assertThat(processor.describeAttempt()).contains("attempt 3");
    }

    @Test
    void activityIdsCountCallsInOrder() {
        FileProcessor processor = processor();
        processor.process(0);
        assertThat(processor.describeAttempt()).startsWith("describe #2 ");
    }

    @Test
    void theAttemptMustBeAtLeastOne() {
        assertThatThrownBy(() -> env.setAttempt(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void theHeartbeatListenerReceivesEveryHeartbeatsDetails() {
        List<Object> heartbeats = new ArrayList<>();
        env.setHeartbeatListener(heartbeats::add);
        processor().process(3);
        assertThat(heartbeats).containsExactly(1, 2, 3);
    }

    @Test
    void heartbeatDetailsOfAPreviousAttemptLetTheActivityResume() {
        FileProcessor processor = processor();
        env.setAttempt(2);
        env.setHeartbeatDetails(10);
        List<Object> heartbeats = new ArrayList<>();
        env.setHeartbeatListener(heartbeats::add);
        assertThat(processor.process(15)).isEqualTo(5);
        assertThat(heartbeats).containsExactly(11, 12, 13, 14, 15);
    }

    @Test
    void heartbeatDetailsAreConvertedToTheRequestedTypeThroughJson() {
        env.setHeartbeatDetails(7L);
        env.registerActivitiesImplementations(new FileProcessor() {
            @Override
            public int process(int lastChunk) {
                return Activity.getExecutionContext().getHeartbeatDetails(Integer.class).orElseThrow();
            }

            @Override
            public String describeAttempt() {
                return Activity.getExecutionContext().getHeartbeatDetails(String.class).orElseThrow();
            }

            @Override
            public Receipt archive(Receipt receipt) {
                return receipt;
            }
        });
        FileProcessor processor = env.newActivityStub(FileProcessor.class);
        assertThat(processor.process(0)).isEqualTo(7);
        assertThat(processor.describeAttempt()).isEqualTo("7");
    }

    @Test
    void requestedCancellationMakesTheNextHeartbeatThrowActivityCanceledException() {
        FileProcessor processor = processor();
        List<Object> heartbeats = new ArrayList<>();
        env.setHeartbeatListener(heartbeats::add);
        env.requestCancellation();
        assertThatThrownBy(() -> processor.process(5))
                .isInstanceOf(ActivityCanceledException.class)
                .hasMessageContaining("process")
                .hasMessageContaining("the test requested cancellation");
        assertThat(heartbeats).containsExactly(1);
    }

    @Test
    void failuresPropagateAsThrown() {
        FileProcessor processor = processor();
        assertThatThrownBy(() -> processor.archive(new Receipt("a.txt", List.of())))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo("Empty");
                    assertThat(failure.isNonRetryable()).isTrue();
                    assertThat(failure.getOriginalMessage()).isEqualTo("nothing to archive in a.txt");
                });
    }

    @Test
    void argumentsAndResultsTravelThroughJson() {
        Receipt receipt = new Receipt("a.txt", new ArrayList<>(List.of(1, 2)));
        Receipt archived = processor().archive(receipt);
        assertThat(archived).isEqualTo(new Receipt("a.txt.gz", List.of(1, 2)));
    }

    @Test
    void aPayloadThatCannotBeConvertedToJsonFailsAsInProduction() {
        env.registerActivitiesImplementations(new Unserialisable() {
            @Override
            public void store(Object value) {
            }
        });
        Unserialisable stub = env.newActivityStub(Unserialisable.class);
        assertThatThrownBy(() -> stub.store(new Object() {
            @SuppressWarnings("unused")
            public Object getSelf() {
                return this;
            }
        })).isInstanceOf(DataConverterException.class).hasMessageStartingWith("cannot call activity store: argument 1");
    }

    @ActivityInterface
    public interface Unserialisable {
        void store(Object value);
    }

    @Test
    void defaultMethodsOfTheInterfaceCallTheActivitiesThroughTheStub() {
        assertThat(processor().processAndDescribe(1)).isEqualTo("1 chunks, describe #2 attempt 1 of "
                + "TestActivityWorkflow test-activity-workflow on test-activity-queue");
    }

    @Test
    void theContextIsRemovedAfterTheCall() {
        processor().process(1);
        assertThatThrownBy(Activity::getExecutionContext).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void callingAnActivityThatIsNotRegisteredFailsWithTheRegisteredTypes() {
        env.registerActivitiesImplementations(new Unserialisable() {
            @Override
            public void store(Object value) {
            }
        });
        FileProcessor processor = env.newActivityStub(FileProcessor.class);
        assertThatThrownBy(() -> processor.process(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'process' is not registered")
                .hasMessageContaining("[store]");
    }

    @Test
    void registeringAnObjectWithoutActivityInterfaceFails() {
        assertThatThrownBy(() -> env.registerActivitiesImplementations("not an activity"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String implements no @ActivityInterface");
    }

    @Test
    void stubsFailAfterClose() {
        FileProcessor processor = processor();
        env.close();
        assertThatThrownBy(() -> processor.process(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @ActivityInterface
    public interface Overloaded {
        String greet(String name);

        String greet(String name, String greeting);
    }

    @Test
    void newActivityStubRejectsOverloadedActivityMethodsAsWorkflowCodeDoes() {
        assertThatThrownBy(() -> env.newActivityStub(Overloaded.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("activity type 'greet'")
                .hasMessageContaining("greet(String, String)");
    }
}
