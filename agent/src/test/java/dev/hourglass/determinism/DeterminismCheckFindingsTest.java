package dev.hourglass.determinism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.agent.DeterminismCheck;
import dev.hourglass.agent.DeterminismFinding;
import dev.hourglass.agent.DeterminismFinding.Category;
import dev.hourglass.determinism.corpus.Ids;
import dev.hourglass.determinism.corpus.Stamped;
import dev.hourglass.determinism.corpus.Violations;
import java.util.List;
import org.example.library.Settings;
import org.example.library.TimeSource;
import org.junit.jupiter.api.Test;

/** Each way workflow code reaches a nondeterministic call is reported with the call, its place and its path. */
class DeterminismCheckFindingsTest {

    private static DeterminismFinding onlyFinding(Class<?> workflowClass) {
        List<DeterminismFinding> findings = DeterminismCheck.check(workflowClass).getFindings();
        assertThat(findings).as("findings of %s", workflowClass.getName()).hasSize(1);
        return findings.get(0);
    }

    @Test
    void aClockReadInTheWorkflowMethodIsReportedAtItsLine() {
        DeterminismFinding finding = onlyFinding(Violations.DirectClock.class);

        assertThat(finding.getCall()).isEqualTo("System.currentTimeMillis()");
        assertThat(finding.getCategory()).isEqualTo(Category.WALL_CLOCK);
        assertThat(finding.getReplacement()).startsWith("Use Workflow.currentTimeMillis()");
        assertThat(finding.getClassName()).isEqualTo(Violations.DirectClock.class.getName());
        assertThat(finding.getMethodName()).isEqualTo("run");
        assertThat(finding.getSourceFile()).isEqualTo("Violations.java");
        assertThat(finding.getLine()).isEqualTo(SourceLines.lineOf(Violations.class, "direct-clock"));
        assertThat(finding.getCallPath()).containsExactly("Violations$DirectClock.run", "System.currentTimeMillis()");
    }

    @Test
    void aMethodReferenceToTheClockIsReportedWhereItIsMade() {
        DeterminismFinding finding = onlyFinding(Violations.MethodReference.class);

        assertThat(finding.getCall()).isEqualTo("Instant.now()");
        assertThat(finding.getReplacement()).startsWith("Use Workflow.currentTimeMillis()");
        assertThat(finding.getClassName()).isEqualTo(Violations.MethodReference.class.getName());
        assertThat(finding.getMethodName()).isEqualTo("run");
        assertThat(finding.getLine()).isEqualTo(SourceLines.lineOf(Violations.class, "method-reference"));
    }

    @Test
    void aCallInAHelperClassIsReportedThereWithThePathFromTheWorkflowMethod() {
        DeterminismFinding finding = onlyFinding(Violations.ThroughHelper.class);

        assertThat(finding.getCall()).isEqualTo("UUID.randomUUID()");
        assertThat(finding.getCategory()).isEqualTo(Category.RANDOMNESS);
        assertThat(finding.getReplacement()).isEqualTo("Use Workflow.randomUUID()");
        assertThat(finding.getClassName()).isEqualTo("dev.hourglass.determinism.corpus.Ids");
        assertThat(finding.getMethodName()).isEqualTo("next");
        assertThat(finding.getSourceFile()).isEqualTo("Ids.java");
        assertThat(finding.getLine()).isEqualTo(SourceLines.lineOf(Ids.class, "helper-uuid"));
        assertThat(finding.getCallPath()).containsExactly("Violations$ThroughHelper.run", "Ids.next",
                "UUID.randomUUID()");
    }

    @Test
    void theMessageNamesTheWorkflowCodeThatReachesAHelpersCall() {
        DeterminismFinding finding = onlyFinding(Violations.ThroughHelper.class);

        assertThat(finding.getMessage()).contains("UUID.randomUUID() at dev.hourglass.determinism.corpus.Ids.next(Ids.java:"
                + SourceLines.lineOf(Ids.class, "helper-uuid") + ")")
                .contains("reached from workflow code at " + Violations.ThroughHelper.class.getName() + ".run(Violations.java:"
                        + SourceLines.lineOf(Violations.class, "helper-call") + ")");
    }

    @Test
    void aCallInAThirdPartyLibraryIsReportedInTheLibrary() {
        DeterminismFinding finding = onlyFinding(Violations.ThroughLibrary.class);

        assertThat(finding.getCall()).isEqualTo("Files.*(...)");
        assertThat(finding.getCategory()).isEqualTo(Category.IO);
        assertThat(finding.getReplacement()).isEqualTo("Do it in an activity, whose result the history records");
        assertThat(finding.getClassName()).isEqualTo(Settings.class.getName());
        assertThat(finding.getMethodName()).isEqualTo("lines");
        assertThat(finding.getLine()).isEqualTo(SourceLines.lineOf(Settings.class, "library-io"));
        assertThat(finding.getCallPath()).containsExactly("Violations$ThroughLibrary.run", "Settings.get",
                "Settings.lines", "Files.*(...)");
    }

    @Test
    void aSleepInASignalHandlerIsReported() {
        DeterminismFinding finding = onlyFinding(Violations.InSignalHandler.class);

        assertThat(finding.getCall()).isEqualTo("Thread.sleep(...)");
        assertThat(finding.getCategory()).isEqualTo(Category.BLOCKING);
        assertThat(finding.getReplacement()).isEqualTo("Use Workflow.sleep(duration), a durable timer");
        assertThat(finding.getClassName()).isEqualTo(Violations.InSignalHandler.class.getName());
        assertThat(finding.getMethodName()).isEqualTo("approve");
        assertThat(finding.getLine()).isEqualTo(SourceLines.lineOf(Violations.class, "signal-sleep"));
    }

    @Test
    void aClockReadInAQueryMethodIsReported() {
        DeterminismFinding finding = onlyFinding(Violations.InQueryMethod.class);

        assertThat(finding.getCall()).isEqualTo("LocalDate.now()");
        assertThat(finding.getReplacement()).startsWith("Use Workflow.currentTimeMillis()");
        assertThat(finding.getClassName()).isEqualTo(Violations.InQueryMethod.class.getName());
        assertThat(finding.getMethodName()).isEqualTo("status");
        assertThat(finding.getLine()).isEqualTo(SourceLines.lineOf(Violations.class, "query-date"));
    }

    @Test
    void aRandomDrawInTheLambdaOfWorkflowAsyncIsReportedInTheLambda() {
        DeterminismFinding finding = onlyFinding(Violations.InAsyncLambda.class);

        assertThat(finding.getCall()).isEqualTo("ThreadLocalRandom.current()");
        assertThat(finding.getReplacement()).startsWith("Use Workflow.newRandom()");
        assertThat(finding.getClassName()).isEqualTo(Violations.InAsyncLambda.class.getName());
        assertThat(finding.getMethodName()).matches("lambda\\$run\\$\\d+");
        assertThat(finding.getLine()).isEqualTo(SourceLines.lineOf(Violations.class, "async-lambda"));
        assertThat(finding.getCallPath()).hasSize(3).startsWith("Violations$InAsyncLambda.run");
    }

    @Test
    void aRandomDrawInAnAnonymousClassThatHourglassCallsIsReported() {
        DeterminismFinding finding = onlyFinding(Violations.InAsyncAnonymousClass.class);

        assertThat(finding.getCall()).isEqualTo("new Random()");
        assertThat(finding.getReplacement()).startsWith("Use Workflow.newRandom()");
        assertThat(finding.getClassName()).isEqualTo(Violations.InAsyncAnonymousClass.class.getName() + "$1");
        assertThat(finding.getMethodName()).isEqualTo("apply");
        assertThat(finding.getLine()).isEqualTo(SourceLines.lineOf(Violations.class, "async-anonymous"));
    }

    @Test
    void startingAUsersSubclassOfThreadIsReportedAsThreadStart() {
        DeterminismFinding finding = onlyFinding(Violations.StartsThreadSubclass.class);

        assertThat(finding.getCall()).isEqualTo("Thread.start()");
        assertThat(finding.getCategory()).isEqualTo(Category.THREADS);
        assertThat(finding.getReplacement()).startsWith("Use Workflow.async(...)");
        assertThat(finding.getClassName()).isEqualTo(Violations.StartsThreadSubclass.class.getName());
        assertThat(finding.getMethodName()).isEqualTo("run");
        assertThat(finding.getLine()).isEqualTo(SourceLines.lineOf(Violations.class, "thread-subclass"));
    }

    @Test
    void anInterfaceCallIsFollowedIntoTheImplementationsTheCodeCreatesOnly() {
        DeterminismFinding finding = onlyFinding(Violations.ThroughInterface.class);

        assertThat(finding.getCall()).isEqualTo("System.nanoTime()");
        assertThat(finding.getClassName()).isEqualTo(Violations.class.getName() + "$ListedPrices");
        assertThat(finding.getMethodName()).isEqualTo("price");
        assertThat(finding.getLine()).isEqualTo(SourceLines.lineOf(Violations.class, "created-implementation"));
        assertThat(finding.getCallPath()).containsExactly("Violations$ThroughInterface.run",
                "Violations$ListedPrices.price", "System.nanoTime()");
    }

    @Test
    void theDefaultMethodOfAnActivityInterfaceIsWorkflowCode() {
        DeterminismFinding finding = onlyFinding(Violations.ActivityDefaultMethod.class);

        assertThat(finding.getCall()).isEqualTo("LocalDate.now()");
        assertThat(finding.getClassName()).isEqualTo(Violations.Mailer.class.getName());
        assertThat(finding.getMethodName()).isEqualTo("sendStamped");
        assertThat(finding.getLine()).isEqualTo(SourceLines.lineOf(Violations.class, "activity-default"));
    }

    @Test
    void aSuppressionWithABlankReasonIsReportedAndItsMethodIsNotWalked() {
        DeterminismFinding finding = onlyFinding(Violations.BlankSuppression.class);

        assertThat(finding.getCategory()).isEqualTo(Category.SUPPRESSION_WITHOUT_REASON);
        assertThat(finding.getReplacement()).startsWith("Give the reason: @SuppressDeterminismCheck(reason = \"...\")");
        assertThat(finding.getClassName()).isEqualTo(Violations.BlankSuppression.class.getName());
        assertThat(finding.getMethodName()).isEqualTo("stamp");
        assertThat(finding.getLine()).isEqualTo(SourceLines.lineOf(Violations.class, "blank-suppression"));
    }

    @Test
    void anEnumConstantsBodyThatTheEnumsStaticInitialiserCreatesIsWalked() {
        DeterminismFinding finding = onlyFinding(Violations.EnumConstantBody.class);

        assertThat(finding.getCall()).isEqualTo("Math.random()");
        assertThat(finding.getReplacement()).startsWith("Use Workflow.newRandom()");
        assertThat(finding.getClassName()).isEqualTo(Violations.class.getName() + "$Jitter$2");
        assertThat(finding.getMethodName()).isEqualTo("delay");
        assertThat(finding.getLine()).isEqualTo(SourceLines.lineOf(Violations.class, "enum-constant-body"));
    }

    @Test
    void aLibrarysDefaultImplementationThatItsStaticInitialiserCreatesIsWalked() {
        DeterminismFinding finding = onlyFinding(Violations.LibrarySingleton.class);

        assertThat(finding.getCall()).isEqualTo("System.currentTimeMillis()");
        assertThat(finding.getClassName()).isEqualTo(TimeSource.class.getName() + "$1");
        assertThat(finding.getMethodName()).isEqualTo("millis");
        assertThat(finding.getLine()).isEqualTo(SourceLines.lineOf(TimeSource.class, "library-singleton"));
        assertThat(finding.getCallPath()).containsExactly("Violations$LibrarySingleton.run", "TimeSource$1.millis",
                "System.currentTimeMillis()");
    }

    @Test
    void theToStringThatStringConcatenationCallsIsWalked() {
        DeterminismFinding finding = onlyFinding(Violations.ImplicitToString.class);

        assertThat(finding.getCall()).isEqualTo("Instant.now()");
        assertThat(finding.getClassName()).isEqualTo(Violations.class.getName() + "$Receipt");
        assertThat(finding.getMethodName()).isEqualTo("toString");
        assertThat(finding.getLine()).isEqualTo(SourceLines.lineOf(Violations.class, "implicit-to-string"));
    }

    @Test
    void aClockReadInTheWorkflowClassesStaticInitialiserIsReported() {
        DeterminismFinding finding = onlyFinding(Violations.StaticInitialiser.class);

        assertThat(finding.getCall()).isEqualTo("System.currentTimeMillis()");
        assertThat(finding.getClassName()).isEqualTo(Violations.StaticInitialiser.class.getName());
        assertThat(finding.getMethodName()).isEqualTo("<clinit>");
        assertThat(finding.getLine()).isEqualTo(SourceLines.lineOf(Violations.class, "static-initialiser"));
    }

    @Test
    void aDefaultMethodThatTheWorkflowClassInheritsIsWalked() {
        DeterminismFinding finding = onlyFinding(Violations.InheritsDefaultQuery.class);

        assertThat(finding.getCall()).isEqualTo("LocalDate.now()");
        assertThat(finding.getClassName()).isEqualTo(Stamped.class.getName());
        assertThat(finding.getMethodName()).isEqualTo("stamp");
        assertThat(finding.getLine()).isEqualTo(SourceLines.lineOf(Stamped.class, "interface-default"));
        assertThat(finding.getCallPath()).containsExactly("Stamped.stamp", "LocalDate.now()");
    }

    @Test
    void aSideEffectSupplierStoredInAVariableFirstIsWalked() {
        DeterminismFinding finding = onlyFinding(Violations.SideEffectSupplierInVariable.class);

        assertThat(finding.getCall()).isEqualTo("System.currentTimeMillis()");
        assertThat(finding.getMethodName()).matches("lambda\\$run\\$\\d+");
        assertThat(finding.getLine()).isEqualTo(SourceLines.lineOf(Violations.class, "side-effect-variable"));
    }

    @Test
    void aParallelStreamOfAListIsReportedThoughTheCallNamesList() {
        DeterminismFinding finding = onlyFinding(Violations.ParallelStreamOfAList.class);

        assertThat(finding.getCall()).isEqualTo("Collection.parallelStream()");
        assertThat(finding.getCategory()).isEqualTo(Category.THREADS);
        assertThat(finding.getReplacement()).isEqualTo("Use stream(): workflow code runs on one thread at a time");
        assertThat(finding.getClassName()).isEqualTo(Violations.ParallelStreamOfAList.class.getName());
        assertThat(finding.getMethodName()).isEqualTo("run");
        assertThat(finding.getLine()).isEqualTo(SourceLines.lineOf(Violations.class, "parallel-list"));
    }
}
