package dev.hourglass.samples.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.TestWorkflowExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension given the seed of a failed run, to rerun it. */
class SeededTransferTest {

    // guide: rerun-with-seed begin
    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(TransferImpl.class)
            .setActivityImplementations(mock(Accounts.class), mock(Notifier.class))
            .setTestEnvironmentOptions(TestEnvironmentOptions.newBuilder().setSeed(1234L).build())
            .build();

    @Test
    void runsWithTheSeedOfTheFailedRun(TestWorkflowEnvironment env) {
        assertThat(env.getSeed()).isEqualTo(1234L);
    }
    // guide: rerun-with-seed end
}
