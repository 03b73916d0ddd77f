package dev.hourglass.samples.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A renewal reminder started now and sent in thirty days, tested in virtual time. */
class StartDelaySampleTest {

    @ActivityInterface
    public interface Mailer {
        void send(String customer, String text);
    }

    @WorkflowInterface
    public interface RenewalReminder {
        @WorkflowMethod
        void remind(String customer);
    }

    public static class RenewalReminderImpl implements RenewalReminder {
        private final Mailer mailer = Workflow.newActivityStub(Mailer.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());

        @Override
        public void remind(String customer) {
            mailer.send(customer, "your subscription ends in a week");
        }
    }

    private final Mailer mailer = mock(Mailer.class);
    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void startEnvironment() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker("reminders");
        worker.registerWorkflowImplementationTypes(RenewalReminderImpl.class);
        worker.registerActivitiesImplementations(mailer);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void closeEnvironment() {
        env.close();
    }

    // guide: start-delay begin
    @Test
    void theReminderIsSentThirtyDaysAfterTheStart() {
        RenewalReminder reminder = client.newWorkflowStub(RenewalReminder.class, WorkflowOptions.newBuilder()
                .setWorkflowId("reminder-alice")
                .setTaskQueue("reminders")
                .setStartDelay(Duration.ofDays(30))
                .build());
        WorkflowClient.start(reminder::remind, "alice");

        env.sleep(Duration.ofDays(30).minusSeconds(1));
        verify(mailer, never()).send("alice", "your subscription ends in a week");

        env.sleep(Duration.ofSeconds(1));
        verify(mailer).send("alice", "your subscription ends in a week");
    }
    // guide: start-delay end

    @Test
    void theWholeDelayPassesInVirtualTime() {
        RenewalReminder reminder = client.newWorkflowStub(RenewalReminder.class, WorkflowOptions.newBuilder()
                .setTaskQueue("reminders").setStartDelay(Duration.ofDays(30)).build());
        long start = env.currentTimeMillis();

        reminder.remind("bob");

        assertThat(env.currentTimeMillis() - start).isEqualTo(Duration.ofDays(30).toMillis());
        assertThat(WorkflowStub.fromTyped(reminder).getResult(Void.class)).isNull();
    }
}
