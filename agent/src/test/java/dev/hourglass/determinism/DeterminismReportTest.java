package dev.hourglass.determinism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.agent.DeterminismCheck;
import dev.hourglass.agent.DeterminismFinding;
import dev.hourglass.agent.DeterminismReport;
import dev.hourglass.determinism.corpus.Ids;
import dev.hourglass.determinism.corpus.LookAlikes;
import dev.hourglass.determinism.corpus.Violations;
import org.junit.jupiter.api.Test;

/** The report: its order, its text, and the assertion a CI test makes with it. */
class DeterminismReportTest {

    private static final String NL = System.lineSeparator();

    @Test
    void findingsOfTheWorkflowClassComeFirstByLineThenThoseOfOtherClasses() {
        DeterminismReport report = DeterminismCheck.check(Violations.ThreeCalls.class);

        assertThat(report.getFindings()).extracting(DeterminismFinding::getCall)
                .containsExactly("System.nanoTime()", "LocalDate.now()", "UUID.randomUUID()");
        assertThat(report.getFindings()).extracting(DeterminismFinding::getLine).containsExactly(
                SourceLines.lineOf(Violations.class, "three-nano"), SourceLines.lineOf(Violations.class, "three-date"),
                SourceLines.lineOf(Ids.class, "helper-uuid"));
    }

    @Test
    void theSameClassesGiveTheSameReportEveryTime() {
        String first = DeterminismCheck.check(Violations.ThreeCalls.class, Violations.ThroughLibrary.class,
                Violations.InAsyncAnonymousClass.class).format();

        for (int i = 0; i < 5; i++) {
            assertThat(DeterminismCheck.check(Violations.ThreeCalls.class, Violations.ThroughLibrary.class,
                    Violations.InAsyncAnonymousClass.class).format()).isEqualTo(first);
        }
    }

    @Test
    void sectionsFollowTheOrderOfTheClassesGiven() {
        DeterminismReport report = DeterminismCheck.check(Violations.ThroughLibrary.class, Violations.DirectClock.class);

        assertThat(report.format()).startsWith(Violations.ThroughLibrary.class.getName() + ": ");
        assertThat(report.format().indexOf(NL + Violations.DirectClock.class.getName() + ": ")).isPositive();
        assertThat(report.getFindings()).extracting(DeterminismFinding::getWorkflowClassName)
                .containsExactly(Violations.ThroughLibrary.class.getName(), Violations.DirectClock.class.getName());
    }

    @Test
    void aFindingIsFormattedWithItsSitePathWhyAndWhatToDo() {
        int line = SourceLines.lineOf(Violations.class, "direct-clock");
        String name = Violations.DirectClock.class.getName();

        assertThat(DeterminismCheck.check(Violations.DirectClock.class).format()).isEqualTo(
                name + ": the determinism check found 1 problem in its workflow code (2 methods looked into):" + NL
                + "  1. System.currentTimeMillis() at " + name + ".run(Violations.java:" + line + ")" + NL
                + "     path: Violations$DirectClock.run -> System.currentTimeMillis()" + NL
                + "     It reads the wall clock, which shows another time when the code is replayed." + NL
                + "     Use Workflow.currentTimeMillis() (as an Instant:"
                + " Instant.ofEpochMilli(Workflow.currentTimeMillis()))." + NL
                + "     If workflow code never makes this call, annotate Violations$DirectClock.run, or a method that"
                + " calls it, with @SuppressDeterminismCheck(reason = \"...\")." + NL);
    }

    @Test
    void aCleanClassIsSaidToBeClean() {
        assertThat(DeterminismCheck.check(LookAlikes.SeededRandom.class).format()).isEqualTo(
                LookAlikes.SeededRandom.class.getName() + ": the determinism check found no nondeterministic call in"
                        + " its workflow code (2 methods looked into)" + NL);
    }

    @Test
    void assertCleanPassesForACleanClass() {
        DeterminismCheck.check(LookAlikes.SeededRandom.class, LookAlikes.SideEffectLambda.class).assertClean();
    }

    @Test
    void assertCleanThrowsTheFormattedReport() {
        DeterminismReport report = DeterminismCheck.check(Violations.ThroughHelper.class);

        assertThatThrownBy(report::assertClean).isInstanceOf(AssertionError.class)
                .hasMessage("Expecting workflow code without nondeterministic calls, but:" + NL + report.format());
    }

    @Test
    void aClassGivenTwiceIsCheckedOnce() {
        assertThat(DeterminismCheck.check(Violations.DirectClock.class, Violations.DirectClock.class).getFindings())
                .hasSize(1);
    }

    @Test
    void aNullClassIsRejectedByItsIndex() {
        assertThatThrownBy(() -> DeterminismCheck.check(Violations.DirectClock.class, null))
                .isInstanceOf(NullPointerException.class).hasMessage("workflowImplementationClasses[1]");
    }

    @Test
    void twoIdenticalCallsOnOneLineMakeOneFinding() {
        assertThat(DeterminismCheck.check(Violations.TwoCallsOnOneLine.class).getFindings())
                .singleElement()
                .extracting(DeterminismFinding::getLine)
                .isEqualTo(SourceLines.lineOf(Violations.class, "two-on-one-line"));
    }
}
