package dev.hourglass.agent;

import dev.hourglass.agent.internal.check.WalkFinding;
import dev.hourglass.agent.internal.check.WalkResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What the {@linkplain DeterminismCheck static determinism check} found in the code reachable from one or more
 * workflow classes.
 *
 * <p>The order is the same in every run: the workflow classes in the order they were given; within one, the
 * findings in the workflow class itself first, then those of the other classes by class name, each class's by
 * line. Values of this type are immutable.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DeterminismReport {

    private static final Comparator<DeterminismFinding> ORDER = Comparator
            .comparing((DeterminismFinding finding) -> !finding.getClassName().equals(finding.getWorkflowClassName()))
            .thenComparing(DeterminismFinding::getClassName)
            .thenComparingInt(DeterminismFinding::getLine)
            .thenComparing(DeterminismFinding::getMethodName)
            .thenComparing(DeterminismFinding::getCall);

    private final List<Section> sections;
    private final List<DeterminismFinding> findings;

    private DeterminismReport(List<Section> sections) {
        this.sections = List.copyOf(sections);
        List<DeterminismFinding> all = new ArrayList<>();
        sections.forEach(section -> all.addAll(section.findings()));
        this.findings = List.copyOf(all);
    }

    static DeterminismReport of(List<WalkResult> results) {
        List<Section> sections = new ArrayList<>();
        for (WalkResult result : results) {
            List<DeterminismFinding> findings = new ArrayList<>();
            for (WalkFinding finding : result.findings()) {
                findings.add(DeterminismFinding.of(result.workflowClass(), finding));
            }
            findings.sort(ORDER);
            List<String> unchecked = result.outOfScope() ? List.of(result.workflowClass()) : result.unreadable();
            sections.add(new Section(result.workflowClass(), List.copyOf(findings), result.methodsWalked(),
                    result.complete(), unchecked, result.outOfScope()));
        }
        return new DeterminismReport(sections);
    }

    /** Every finding, in the report's order; empty when the code is clean. */
    public List<DeterminismFinding> getFindings() {
        return findings;
    }

    /** Whether nothing was found. */
    public boolean isClean() {
        return findings.isEmpty();
    }

    /**
     * Whether every walk looked into all the code it could reach; {@code false} when one stopped at its bound
     * (20,000 methods per workflow class), which {@link #format()} says.
     */
    public boolean isComplete() {
        return sections.stream().allMatch(Section::complete);
    }

    /**
     * The binary names of the classes that were not checked, in name order: classes that workflow code reaches but
     * whose class files could not be read (generated at run time, or by a class loader that does not serve class
     * files), and workflow classes given to the check that are out of its scope (in the packages of the JDK, of
     * Hourglass, or of the libraries the checks skip).
     */
    public List<String> getUncheckedClasses() {
        Set<String> names = new LinkedHashSet<>();
        sections.forEach(section -> names.addAll(section.unreadable()));
        return List.copyOf(names.stream().sorted().toList());
    }

    /**
     * Throws if anything was found, with {@link #format()} as the message: the assertion of a CI test.
     *
     * @throws AssertionError if the report is not {@linkplain #isClean() clean}
     */
    public void assertClean() {
        if (!isClean()) {
            throw new AssertionError("Expecting workflow code without nondeterministic calls, but:"
                    + System.lineSeparator() + format());
        }
    }

    /**
     * The report for people, one section per workflow class, each opening with the class's name; each finding
     * with its call site, its call path, why it breaks replay and what to do.
     */
    public String format() {
        StringBuilder text = new StringBuilder();
        for (Section section : sections) {
            if (text.length() > 0) {
                text.append(System.lineSeparator());
            }
            section.format(text);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return format();
    }

    /** What was found from one workflow class. */
    private record Section(String workflowClass, List<DeterminismFinding> findings, int methodsWalked,
            boolean complete, List<String> unreadable, boolean outOfScope) {

        void format(StringBuilder text) {
            String nl = System.lineSeparator();
            text.append(workflowClass).append(": ");
            if (outOfScope) {
                text.append("not checked: the determinism checks do not look into the classes of its package (the"
                        + " JDK's, Hourglass's own, and those of the libraries the checks skip)").append(nl);
                return;
            }
            if (findings.isEmpty()) {
                text.append("the determinism check found no nondeterministic call in its workflow code (");
            } else {
                text.append("the determinism check found ").append(findings.size())
                        .append(findings.size() == 1 ? " problem" : " problems").append(" in its workflow code (");
            }
            text.append(methodsWalked).append(methodsWalked == 1 ? " method" : " methods").append(" looked into)");
            text.append(findings.isEmpty() ? "" : ":").append(nl);
            int number = 1;
            for (DeterminismFinding finding : findings) {
                appendFinding(text, number++, finding);
            }
            if (!complete) {
                text.append("  The walk stopped after ").append(methodsWalked).append(" methods: the code beyond"
                        + " them was not checked.").append(nl);
            }
            if (!unreadable.isEmpty() && !outOfScope) {
                text.append("  Not checked, because their class files could not be read: ")
                        .append(String.join(", ", unreadable)).append('.').append(nl);
            }
        }

        private static void appendFinding(StringBuilder text, int number, DeterminismFinding finding) {
            String nl = System.lineSeparator();
            String indent = "     ";
            text.append("  ").append(number).append(". ");
            if (finding.getCategory() == DeterminismFinding.Category.SUPPRESSION_WITHOUT_REASON) {
                text.append("@SuppressDeterminismCheck without a reason on ").append(finding.getCallSite()).append(nl);
                text.append(indent).append("path: ").append(finding.getCallPathText()).append(nl);
                text.append(indent).append(finding.getReplacement()).append('.').append(nl);
                return;
            }
            text.append(finding.getCall()).append(" at ").append(finding.getCallSite()).append(nl);
            text.append(indent).append("path: ").append(finding.getCallPathText()).append(nl);
            text.append(indent).append("It ").append(finding.getWhy()).append('.').append(nl);
            text.append(indent).append(finding.getReplacement()).append('.').append(nl);
            text.append(indent).append("If workflow code never makes this call, annotate ")
                    .append(finding.suppressibleOn() == null ? "a method on the path"
                            : finding.suppressibleOn() + ", or a method that calls it,")
                    .append(" with @SuppressDeterminismCheck(reason = \"...\").").append(nl);
        }
    }
}
