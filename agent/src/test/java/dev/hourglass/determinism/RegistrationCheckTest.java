package dev.hourglass.determinism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.agent.DeterminismCheck;
import dev.hourglass.agent.DeterminismReport;
import dev.hourglass.agent.internal.check.InstalledAgent.Mode;
import dev.hourglass.agent.internal.check.RegistrationCheck;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.determinism.corpus.LookAlikes;
import dev.hourglass.determinism.corpus.Violations;
import dev.hourglass.internal.spi.WorkflowClassCheck;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The static check at worker registration, as the mode of the run-time agent says. */
class RegistrationCheckTest {

    private final List<String> warnings = new ArrayList<>();
    private final List<Class<?>> checked = new ArrayList<>();
    private final Function<Class<?>, DeterminismReport> reports = type -> {
        checked.add(type);
        return DeterminismCheck.check(type);
    };

    private RegistrationCheck checkIn(Mode mode) {
        return new RegistrationCheck(() -> mode, reports, warnings::add);
    }

    @Test
    void inFailModeAClassWithNondeterministicCallsIsRegisteredAndItsReportLogged() {
        checkIn(Mode.FAIL).check(Violations.ThroughHelper.class);

        assertThat(warnings).singleElement().asString()
                .startsWith(Violations.ThroughHelper.class.getName() + ": ")
                .contains("UUID.randomUUID() at dev.hourglass.determinism.corpus.Ids.next(Ids.java:")
                .contains("path: Violations$ThroughHelper.run -> Ids.next -> UUID.randomUUID()")
                .contains("Use Workflow.randomUUID().")
                .contains("annotate Ids.next, or a method that calls it, with"
                        + " @SuppressDeterminismCheck(reason = \"...\")")
                .contains("should workflow code make one of these calls, the workflow task fails with a"
                        + " NondeterministicCallError")
                .contains("assert DeterminismCheck.check(ThroughHelper.class).assertClean()");
    }

    @Test
    void inFailModeACleanClassPasses() {
        checkIn(Mode.FAIL).check(LookAlikes.SideEffectLambda.class);

        assertThat(warnings).isEmpty();

        assertThat(checked).containsExactly(LookAlikes.SideEffectLambda.class);
    }

    @Test
    void inLogModeTheReportIsLoggedAndTheClassPasses() {
        checkIn(Mode.LOG).check(Violations.DirectClock.class);

        assertThat(warnings).singleElement().asString()
                .startsWith(DeterminismCheck.check(Violations.DirectClock.class).format())
                .contains("the determinism agent, set to log, logs it and lets it go ahead");
    }

    @Test
    void withoutTheRunTimeAgentNoClassIsEvenRead() {
        checkIn(Mode.NOT_INSTALLED).check(Violations.DirectClock.class);

        assertThat(checked).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aClassIsCheckedOncePerJvm() {
        DeterminismReport first = RegistrationCheck.cachedReport(Violations.ThreeCalls.class);

        assertThat(RegistrationCheck.cachedReport(Violations.ThreeCalls.class)).isSameAs(first);
    }

    @Test
    void sdkCoreFindsTheRegistrationCheckOnTheClassPath() {
        assertThat(WorkflowClassCheck.installed()).isInstanceOf(RegistrationCheck.class);
    }

    @Test
    void aWorkerInAJvmWithoutTheRunTimeAgentRegistersAnyClass() {
        try (WorkflowService service = WorkflowService.inMemory()) {
            Worker worker = WorkerFactory.newInstance(WorkflowClient.newInstance(service)).newWorker("registration");

            worker.registerWorkflowImplementationTypes(Violations.DirectClock.class);
        }
    }
}
