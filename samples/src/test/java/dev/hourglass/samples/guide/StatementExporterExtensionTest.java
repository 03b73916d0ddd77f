package dev.hourglass.samples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.testing.TestActivityEnvironment;
import dev.hourglass.testing.TestActivityExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The statement exporter run alone, with the environment and the stub injected by the extension. */
// guide: activity-extension begin
class StatementExporterExtensionTest {

    @RegisterExtension
    final TestActivityExtension activities = TestActivityExtension.newBuilder()
            .setActivityImplementations(new StatementExporterImpl())
            .build();

    @Test
    void aRetryResumesAfterTheLastPage(TestActivityEnvironment env, StatementExporter exporter) {
        env.setAttempt(2);
        env.setHeartbeatDetails(10);

        assertThat(exporter.export("alice", 12)).isEqualTo("pages 11-12 of alice on attempt 2");
    }
}
// guide: activity-extension end
