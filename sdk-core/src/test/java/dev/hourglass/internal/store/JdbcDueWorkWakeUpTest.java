package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.common.RetryPolicy;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.spi.ActivityTask;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.service.ServiceOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A poller whose look at its queue found work that becomes due later (a retry's backoff, the lease of a worker that
 * died) looks again then, though another process queued that work: not only after its idle wait, which here is an
 * hour.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcDueWorkWakeUpTest {

    private static final Duration IDLE_WAIT = Duration.ofHours(1);
    private static final Duration POLL = Duration.ofSeconds(20);

    @Parameter
    Dialect dialect;

    @TempDir
    Path directory;

    private ServiceFixture fixture;
    private JdbcWorkflowService other;
    private JdbcWorkflowService poller;

    @BeforeEach
    void open() {
        fixture = ServiceFixture.create(dialect, directory);
        ServiceOptions options = ServiceOptions.newBuilder().setWorkflowTaskTimeout(Duration.ofMillis(500)).build();
        other = fixture.open(Clock.systemUTC(), options, IDLE_WAIT);
        poller = fixture.open(Clock.systemUTC(), options, IDLE_WAIT);
    }

    @AfterEach
    void close() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void anActivityRetryQueuedByAnotherProcessIsPolledWhenItsBackoffEnds() {
        other.startWorkflow(start("transfer-1"));
        WorkflowTask task = other.pollWorkflowTask("payments", Duration.ZERO);
        other.completeWorkflowTask(task.taskToken(), List.of(new Command(new ActivityTaskScheduledAttributes("1",
                "withdraw", "payments", Payload.fromJson("[]"), Duration.ofMinutes(1), null, null,
                RetryPolicy.newBuilder().setInitialInterval(Duration.ofSeconds(1)).build(), null))));
        ActivityTask first = other.pollActivityTask("payments", "other", Duration.ZERO);

        // the poller's look comes after the failure: it finds the retry waiting for its backoff, and no change it
        // might be told of later (a notification can be missed by a service whose watcher is starting) wakes it
        other.failActivityTask(first.taskToken(), Payload.fromJson("{\"message\":\"bank offline\"}"));

        ActivityTask retry = poller.pollActivityTask("payments", "poller", POLL);
        assertThat(retry).as("the retry, once its backoff ended").isNotNull();
        assertThat(retry.attempt()).isEqualTo(2);
    }

    @Test
    void aWorkflowTaskWhoseHolderDiedIsPolledWhenItsLeaseEnds() {
        other.startWorkflow(start("transfer-1"));
        assertThat(other.pollWorkflowTask("payments", Duration.ZERO)).as("held, and never completed").isNotNull();
        assertThat(poller.pollWorkflowTask("payments", Duration.ZERO)).as("leased to the other").isNull();

        WorkflowTask again = poller.pollWorkflowTask("payments", POLL);

        assertThat(again).as("handed out again once the lease ended").isNotNull();
    }
}
