package dev.hourglass.determinism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.agent.DeterminismCheck;
import dev.hourglass.agent.DeterminismReport;
import dev.hourglass.determinism.corpus.LookAlikes;
import dev.hourglass.determinism.corpus.Violations;
import org.junit.jupiter.api.Test;

/** Code that looks nondeterministic, or is nondeterministic where it may be, is not reported. */
class DeterminismCheckLookAlikesTest {

    private static void assertClean(Class<?> workflowClass) {
        DeterminismReport report = DeterminismCheck.check(workflowClass);

        assertThat(report.getFindings()).as(report.format()).isEmpty();
        assertThat(report.isComplete()).isTrue();
        assertThat(report.getUncheckedClasses()).isEmpty();
    }

    @Test
    void aRandomWithASeedIsNotReported() {
        assertClean(LookAlikes.SeededRandom.class);
    }

    @Test
    void aShuffleWithARandomIsNotReported() {
        assertClean(LookAlikes.ShuffleWithRandom.class);
    }

    @Test
    void anInstantMadeFromTheWorkflowsClockIsNotReported() {
        assertClean(LookAlikes.InstantFromWorkflowClock.class);
    }

    @Test
    void datesMadeFromFieldsAndTextAreNotReported() {
        assertClean(LookAlikes.DateFactories.class);
    }

    @Test
    void durationArithmeticAndAPureLibraryAreNotReported() {
        assertClean(LookAlikes.DurationArithmetic.class);
    }

    @Test
    void collectionsAndSequentialStreamsAreNotReported() {
        assertClean(LookAlikes.CollectionsAndStreams.class);
    }

    @Test
    void stringsAreNotReported() {
        assertClean(LookAlikes.Strings.class);
    }

    @Test
    void recordsAreNotReported() {
        assertClean(LookAlikes.Records.class);
    }

    @Test
    void exceptionsAreNotReported() {
        assertClean(LookAlikes.Exceptions.class);
    }

    @Test
    void aMethodReferenceToTheClockGivenToSideEffectIsNotReported() {
        assertClean(LookAlikes.SideEffectMethodReference.class);
    }

    @Test
    void aLambdaGivenToSideEffectThatReadsTheClockIsNotReported() {
        assertClean(LookAlikes.SideEffectLambda.class);
    }

    @Test
    void theWorkflowsLoggerIsNotReported() {
        assertClean(LookAlikes.WorkflowLogger.class);
    }

    @Test
    void aMethodSuppressedWithAReasonIsNotReported() {
        assertClean(LookAlikes.SuppressedHelper.class);
    }

    @Test
    void anActivityImplementationIsNotWalked() {
        assertClean(LookAlikes.CallsActivity.class);
    }

    @Test
    void theWorkflowsOwnRandomnessIsNotReported() {
        assertClean(LookAlikes.WorkflowRandomness.class);
    }

    @Test
    void anImplementationThatNoWorkflowCodeCreatesIsNotWalked() {
        assertThat(DeterminismCheck.check(Violations.ThroughInterface.class).getFindings())
                .extracting(finding -> finding.getClassName())
                .doesNotContain(Violations.class.getName() + "$LivePrices");
    }

    @Test
    void anOverrideOfAJdkMethodThatNoCodeCallsIsNotWalked() {
        assertClean(LookAlikes.UncalledOverride.class);
    }
}
