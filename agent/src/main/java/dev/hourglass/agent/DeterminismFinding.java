package dev.hourglass.agent;

import dev.hourglass.agent.internal.check.Step;
import dev.hourglass.agent.internal.check.WalkFinding;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One problem the {@linkplain DeterminismCheck static determinism check} found in the code reachable from a
 * workflow class: a call that would break replay (such as {@code Instant.now()}), with where it is, how workflow
 * code reaches it, and what to call instead; or a {@code @SuppressDeterminismCheck} that gives no reason.
 *
 * <p>Values of this type are immutable; no getter returns {@code null} except {@link #getSourceFile()}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DeterminismFinding {

    /** What kind of problem a finding is. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public enum Category {
        /** A call that reads the wall clock, such as {@code System.currentTimeMillis()} or {@code Instant.now()}. */
        WALL_CLOCK,
        /** A call that draws random values, such as {@code new Random()} or {@code UUID.randomUUID()}. */
        RANDOMNESS,
        /** A call that runs code on another thread: threads, executors, asynchronous futures, parallel streams. */
        THREADS,
        /** A call that blocks the workflow thread outside Hourglass: {@code Thread.sleep}, locks, latches, queues. */
        BLOCKING,
        /** A call that does I/O: files, sockets, HTTP, JDBC, processes. */
        IO,
        /** A call that reads the process environment, {@code System.getenv}. */
        ENVIRONMENT,
        /** A method that carries {@code @SuppressDeterminismCheck} with a blank reason. */
        SUPPRESSION_WITHOUT_REASON
    }

    private final String workflowClassName;
    private final String call;
    private final Category category;
    private final String why;
    private final String replacement;
    private final String className;
    private final String methodName;
    private final String sourceFile;
    private final int line;
    private final String callSite;
    private final List<String> callPath;
    private final String message;
    private final String suppressibleOn;

    private DeterminismFinding(String workflowClassName, WalkFinding finding) {
        Step site = finding.site();
        this.workflowClassName = workflowClassName;
        this.className = site.className();
        this.methodName = site.methodName();
        this.sourceFile = site.sourceFile();
        this.line = site.line();
        this.callSite = site.location();
        List<String> path = new ArrayList<>();
        finding.path().forEach(step -> path.add(step.shortName()));
        if (finding.isBlankSuppression()) {
            this.call = "@SuppressDeterminismCheck(reason = \"\")";
            this.category = Category.SUPPRESSION_WITHOUT_REASON;
            this.why = "lifts the determinism check of " + site.shortName() + " without saying why, which the next"
                    + " person to change the method needs to know";
            this.replacement = "Give the reason: @SuppressDeterminismCheck(reason = \"...\") saying why the calls"
                    + " this method reaches are deterministic in workflow code, or never made there";
            this.message = "@SuppressDeterminismCheck on " + callSite + " has a blank reason: it " + why + ". "
                    + replacement + ".";
        } else {
            this.call = finding.entry().display();
            this.category = Category.valueOf(finding.entry().category().name());
            this.why = finding.entry().category().why();
            this.replacement = finding.entry().replacement();
            path.add(call);
            String workflowCode = finding.path().size() > 1 ? finding.path().get(0).location() : null;
            this.message = finding.entry().message(callSite, workflowCode);
        }
        this.callPath = List.copyOf(path);
        String annotatable = null;
        for (Step step : finding.path()) {
            if (step.annotatable()) {
                annotatable = step.shortName();
            }
        }
        this.suppressibleOn = annotatable;
    }

    static DeterminismFinding of(String workflowClassName, WalkFinding finding) {
        return new DeterminismFinding(workflowClassName, finding);
    }

    /** The binary name of the workflow class whose code reaches the call ({@code com.acme.OrderImpl}). */
    public String getWorkflowClassName() {
        return workflowClassName;
    }

    /**
     * The call as a person writes it, such as {@code Instant.now()}; for a suppression without a reason,
     * {@code @SuppressDeterminismCheck(reason = "")}.
     */
    public String getCall() {
        return call;
    }

    /** What kind of problem this is. */
    public Category getCategory() {
        return category;
    }

    /** Why the call breaks replay, as the end of a sentence whose subject is the call ("reads the wall clock, ..."). */
    public String getWhy() {
        return why;
    }

    /** What to do instead, as a sentence without its final period ("Use Workflow.currentTimeMillis() ..."). */
    public String getReplacement() {
        return replacement;
    }

    /** The binary name of the class whose code makes the call ({@code com.acme.Pricing}). */
    public String getClassName() {
        return className;
    }

    /**
     * The name of the method that makes the call, as a stack trace shows it: {@code <init>} for a constructor,
     * {@code lambda$place$0} for the body of a lambda in {@code place}.
     */
    public String getMethodName() {
        return methodName;
    }

    /** The name of the source file of the call's class ({@code Pricing.java}), or {@code null} if unknown. */
    public String getSourceFile() {
        return sourceFile;
    }

    /** The source line of the call, or -1 when the class was compiled without line numbers. */
    public int getLine() {
        return line;
    }

    /** Where the call is, as a stack trace shows it: {@code com.acme.Pricing.quote(Pricing.java:12)}. */
    public String getCallSite() {
        return callSite;
    }

    /**
     * How workflow code reaches the call: the workflow class's method first, then each method called on the way,
     * then the call ({@code [OrderImpl.place, Pricing.quote, Instant.now()]}). Classes appear by simple name.
     * For a suppression without a reason, the path ends at the suppressed method.
     */
    public List<String> getCallPath() {
        return callPath;
    }

    /** {@link #getCallPath()} joined with arrows: {@code OrderImpl.place -> Pricing.quote -> Instant.now()}. */
    public String getCallPathText() {
        return String.join(" -> ", callPath);
    }

    /** A sentence for people: the call, where it is, why it breaks replay and what to do. */
    public String getMessage() {
        return message;
    }

    /**
     * The method nearest the call on which {@code @SuppressDeterminismCheck} would lift this finding, by simple
     * class name; {@code null} if no method on the path can carry an annotation.
     */
    String suppressibleOn() {
        return suppressibleOn;
    }

    @Override
    public String toString() {
        return call + " at " + callSite + " (" + getCallPathText() + ")";
    }
}
