package dev.hourglass.testing.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Executions whose timers fire at the same virtual instant go on in an order the seed decides. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SeededTieOrderTest {

    @ActivityInterface
    public interface Bell {
        void ring(String name);
    }

    @WorkflowInterface
    public interface Alarm {
        @WorkflowMethod
        void wakeUp(String name);
    }

    /** Sleeps an hour, then rings: alarms started together ring at the same virtual instant. */
    public static class AlarmImpl implements Alarm {
        private final Bell bell = Workflow.newActivityStub(Bell.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10)).build());

        @Override
        public void wakeUp(String name) {
            Workflow.sleep(Duration.ofHours(1));
            bell.ring(name);
        }
    }

    /** The order in which three alarms of one environment of {@code seed} rang. */
    private static List<String> ringOrder(long seed) {
        List<String> rings = new ArrayList<>();
        Bell bell = name -> {
            synchronized (rings) {
                rings.add(name);
            }
        };
        TestWorkflowEnvironment env = Payments.environment(TestEnvironmentOptions.newBuilder().setSeed(seed), bell,
                AlarmImpl.class);
        try {
            for (String name : List.of("ann", "ben", "cat")) {
                Alarm alarm = Payments.stub(env, Alarm.class, name);
                WorkflowClient.start(alarm::wakeUp, name);
            }
            for (String name : List.of("ann", "ben", "cat")) {
                env.getWorkflowClient().newUntypedWorkflowStub(name).getResult(Void.class);
            }
        } finally {
            env.close();
        }
        synchronized (rings) {
            return new ArrayList<>(rings);
        }
    }

    @Test
    void oneSeedAlwaysGivesTheSameOrder() {
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(ringOrder(seed)).as("seed %d", seed).isEqualTo(ringOrder(seed));
        }
    }

    @Test
    void differentSeedsGiveDifferentOrders() {
        Set<List<String>> orders = new HashSet<>();
        LongStream.rangeClosed(1, 20).forEach(seed -> orders.add(ringOrder(seed)));

        // six orders of three alarms: 20 seeds that gave fewer than three of them would not be shuffling
        assertThat(orders).as("the orders 20 seeds rang three alarms in").hasSizeGreaterThanOrEqualTo(3);
    }
}
