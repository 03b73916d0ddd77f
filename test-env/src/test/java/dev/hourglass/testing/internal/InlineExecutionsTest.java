package dev.hourglass.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InlineExecutionsTest {

    @WorkflowInterface
    public interface Sleeper {
        @WorkflowMethod
        String sleep(int number);
    }

    public static class SleeperImpl implements Sleeper {
        @Override
        public String sleep(int number) {
            Workflow.sleep(Duration.ofDays(1));
            return "woke " + number;
        }
    }

    @Test
    void manySleepingExecutionsParkOnlyTheFirstFewWorkflowThreadsAndAllComplete() {
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setSeed(7).build());
        env.newWorker("q").registerWorkflowImplementationTypes(SleeperImpl.class);
        env.start();
        long parkedBefore = threadsParkedInWorkflowCode();
        List<Sleeper> stubs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Sleeper stub = env.getWorkflowClient().newWorkflowStub(Sleeper.class,
                    WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId("sleeper-" + i).build());
            WorkflowClient.start(stub::sleep, i);
            stubs.add(stub);
        }

        env.sleep(Duration.ofHours(1)); // returns once every first task has run: all are asleep
        long parked = threadsParkedInWorkflowCode() - parkedBefore;
        List<String> results = new ArrayList<>();
        for (int i = 0; i < stubs.size(); i++) {
            results.add(env.getWorkflowClient().newUntypedWorkflowStub("sleeper-" + i).getResult(String.class));
        }
        env.close();

        assertThat(results).hasSize(100).startsWith("woke 0", "woke 1").endsWith("woke 99");
        if (Runtime.version().feature() < 21) {
            // from JDK 21 on, workflow threads are virtual, and Thread.getAllStackTraces does not list them
            assertThat(parked).isEqualTo(32);
        }
    }

    private static long threadsParkedInWorkflowCode() {
        long count = 0;
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement frame : entry.getValue()) {
                if (frame.getClassName().endsWith("WorkflowThread") && frame.getMethodName().equals("yieldUntil")) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }
}
