package dev.hourglass.samples.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.ActivityCanceledException;
import dev.hourglass.testing.TestActivityEnvironment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The statement exporter run alone, without a workflow or a worker. */
// guide: activity-env begin
class StatementExporterTest {

    private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    private final List<Object> heartbeats = new CopyOnWriteArrayList<>();
    private StatementExporter exporter;

    @BeforeEach
    void setUp() {
        env.registerActivitiesImplementations(new StatementExporterImpl());
        env.setHeartbeatListener(heartbeats::add);
        exporter = env.newActivityStub(StatementExporter.class);
    }

    @AfterEach
    void tearDown() {
        env.close();
    }
    // guide: activity-env end

    // guide: activity-first-attempt begin
    @Test
    void theFirstAttemptExportsEveryPageAndHeartbeatsEach() {
        assertThat(exporter.export("alice", 3)).isEqualTo("pages 1-3 of alice on attempt 1");
        assertThat(heartbeats).containsExactly(1, 2, 3);
    }
    // guide: activity-first-attempt end

    // guide: activity-resume begin
    @Test
    void aRetryResumesAfterTheLastPageThePreviousAttemptReported() {
        env.setAttempt(2);
        env.setHeartbeatDetails(10);

        assertThat(exporter.export("alice", 12)).isEqualTo("pages 11-12 of alice on attempt 2");
        assertThat(heartbeats).containsExactly(11, 12);
    }
    // guide: activity-resume end

    // guide: activity-cancel begin
    @Test
    void aCancellationStopsTheExportAtTheNextHeartbeat() {
        env.requestCancellation();

        assertThatThrownBy(() -> exporter.export("alice", 3)).isInstanceOf(ActivityCanceledException.class);
        assertThat(heartbeats).containsExactly(1);
    }
    // guide: activity-cancel end
}
