package dev.hourglass.agent.internal.check;

import dev.hourglass.agent.DeterminismCheck;
import dev.hourglass.agent.DeterminismReport;
import dev.hourglass.internal.spi.WorkflowClassCheck;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The static determinism check at worker registration, found by sdk-core through {@code META-INF/services}: when
 * the run-time agent is installed, it checks each workflow class once per JVM and logs the report of a class whose
 * code can reach nondeterministic calls as a warning, before anything runs. It never refuses the class: the walk is
 * conservative (it lists calls on paths that may never be taken), and the run-time agent fails the calls workflow
 * code does make, with the line. Without the agent it does nothing, not even read a class file.
 */
public final class RegistrationCheck implements WorkflowClassCheck {

    private static final Logger log = LoggerFactory.getLogger(RegistrationCheck.class);

    /** The report of each class, made once per JVM; kept with the class, so it goes when the class is unloaded. */
    private static final ClassValue<DeterminismReport> REPORTS = new ClassValue<>() {
        @Override
        protected DeterminismReport computeValue(Class<?> type) {
            return DeterminismCheck.check(type);
        }
    };

    private final Supplier<InstalledAgent.Mode> mode;
    private final Function<Class<?>, DeterminismReport> reports;
    private final Consumer<String> warnings;

    /** The check that {@link java.util.ServiceLoader} creates: the installed agent's mode, cached reports, SLF4J. */
    public RegistrationCheck() {
        this(InstalledAgent::mode, RegistrationCheck::cachedReport, text -> log.warn("{}", text));
    }

    /**
     * A check with its collaborators given, for tests.
     *
     * @param mode the mode of the run-time agent, asked at each registration
     * @param reports the report of a class
     * @param warnings where the report goes in {@link InstalledAgent.Mode#LOG}
     */
    public RegistrationCheck(Supplier<InstalledAgent.Mode> mode, Function<Class<?>, DeterminismReport> reports,
            Consumer<String> warnings) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /** The report of a class, made at its first registration in this JVM and reused by the next ones. */
    public static DeterminismReport cachedReport(Class<?> workflowImplementationClass) {
        return REPORTS.get(workflowImplementationClass);
    }

    @Override
    public void check(Class<?> workflowImplementationClass) {
        InstalledAgent.Mode current = mode.get();
        if (current == InstalledAgent.Mode.NOT_INSTALLED) {
            return;
        }
        DeterminismReport report = reports.apply(workflowImplementationClass);
        if (report.isClean()) {
            return;
        }
        String nl = System.lineSeparator();
        String consequence = current == InstalledAgent.Mode.FAIL
                ? "the workflow task fails with a NondeterministicCallError"
                : "the determinism agent, set to log, logs it and lets it go ahead";
        warnings.accept(report.format() + "Registered " + workflowImplementationClass.getName() + " all the same:"
                + " should workflow code make one of these calls, " + consequence + ". To make this check fail a"
                + " build, assert DeterminismCheck.check(" + workflowImplementationClass.getSimpleName()
                + ".class).assertClean() in a test." + nl);
    }
}
