package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionSignaledAttributes;
import dev.hourglass.internal.spi.ActivityTask;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.service.ServiceOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writers of one run at the same moment take turns: activities of one run completing together, with signals arriving
 * meanwhile, are all recorded, each once, with gap-free event ids. (On PostgreSQL, where transactions run at once,
 * the second writer once read the same next event id as the first and lost its append.)
 */
class ConcurrentWritersTest {

    private static final int ACTIVITIES = 8;

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void activitiesOfOneRunCompletingTogetherWithSignalsAreAllRecordedOnce(Dialect dialect) throws Exception {
        try (TestDatabase database = TestDatabase.create(dialect, directory);
                JdbcWorkflowService service = new JdbcWorkflowService(database.open(Clock.systemUTC()),
                        ServiceOptions.getDefaultInstance(), Duration.ofMinutes(5))) {
            service.startWorkflow(start("transfer-1"));
            WorkflowTask task = service.pollWorkflowTask("payments", Duration.ZERO);
            service.completeWorkflowTask(task.taskToken(), IntStream.rangeClosed(1, ACTIVITIES)
                    .mapToObj(i -> new Command(new ActivityTaskScheduledAttributes(String.valueOf(i), "notify",
                            "payments", Payload.fromJson("[" + i + "]"), Duration.ofMinutes(1), null, null, null,
                            null)))
                    .toList());
            List<ActivityTask> attempts = new ArrayList<>();
            for (int i = 0; i < ACTIVITIES; i++) {
                attempts.add(service.pollActivityTask("payments", "worker", Duration.ZERO));
            }
            assertThat(attempts).doesNotContainNull();

            CountDownLatch go = new CountDownLatch(1);
            List<Callable<Void>> writers = new ArrayList<>();
            for (ActivityTask attempt : attempts) {
                writers.add(() -> {
                    go.await();
                    service.completeActivityTask(attempt.taskToken(), Payload.fromJson("\"sent\""));
                    return null;
                });
                writers.add(() -> {
                    go.await();
                    service.signalWorkflow("transfer-1", null, "nudge", Payload.fromJson("[]"), null);
                    return null;
                });
            }
            ExecutorService threads = Executors.newFixedThreadPool(writers.size());
            try {
                List<Future<Void>> done = writers.stream().map(threads::submit).toList();
                go.countDown();
                for (Future<Void> writer : done) {
                    writer.get(); // none failed
                }
            } finally {
                threads.shutdownNow();
            }

            List<HistoryEvent> events = service.getHistory("transfer-1", null).getEvents();
            assertThat(events).extracting(HistoryEvent::getEventId)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, events.size()).mapToObj(i -> (long) i)
                            .toList());
            assertThat(events).filteredOn(event -> event.getEventType() == EventType.ActivityTaskCompleted)
                    .hasSize(ACTIVITIES);
            assertThat(events).filteredOn(event -> event.getAttributes() instanceof WorkflowExecutionSignaledAttributes)
                    .hasSize(ACTIVITIES);
        }
    }
}
