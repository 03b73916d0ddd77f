package dev.hourglass.testing.internal;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.history.ChildWorkflowExecutionStartedAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.HistoryTimeline;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.internal.timeline.TimelineHtml;
import dev.hourglass.testing.TestWorkflowEnvironment;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the JUnit 5 extension and the JUnit 4 rule report when a test fails: the seed, how to rerun with it, and the
 * timeline of every execution the test was handed, with their earlier runs and their child workflows, printed as text
 * and written as one HTML page linked from the failure.
 */
public final class EnvironmentReport {

    /** The harness that ran the test: names its builder in the hint to rerun, and what it hands to tests. */
    public enum Harness {
        /** {@code TestWorkflowExtension}, which injects workflow stubs. */
        EXTENSION("TestWorkflowExtension", "no workflow stub was injected into the test"),
        /** {@code TestWorkflowRule}, whose tests start workflows through its stubs or its client. */
        RULE("TestWorkflowRule", "the test started no workflow");

        private final String builderOwner;
        private final String nothingToShow;

        Harness(String builderOwner, String nothingToShow) {
            this.builderOwner = builderOwner;
            this.nothingToShow = nothingToShow;
        }
    }

    private static final int MAX_RUNS_PER_ID = 100;
    private static final int MAX_HISTORIES = 200;

    private EnvironmentReport() {
    }

    /**
     * Reports a failed test: writes the HTML timelines of its executions to a file of its own (see
     * {@link HtmlReports}), prints the report with a link to that file to {@code System.err}, and adds the link to
     * {@code failure} as a suppressed {@link TimelinesLink}, keeping the failure's own type and message. Writing the
     * file may fail; the report then says so instead of linking it, and the test still fails with its own failure.
     *
     * @param harness the harness that ran the test
     * @param test the test
     * @param env the test's environment
     * @param workflowIds the workflow ids handed to the test, in the order they were handed out
     * @param failure what the test failed with, to which the link is added
     */
    public static void report(Harness harness, HtmlReports.TestName test, TestWorkflowEnvironment env,
            List<String> workflowIds, Throwable failure) {
        Findings findings = collect(harness, env.getWorkflowClient(), workflowIds);
        List<String> header = header(harness, test.displayName(), env.getSeed());
        String link = null;
        try {
            List<String> preamble = new ArrayList<>(header.subList(1, header.size()));
            preamble.add("failure: " + failure);
            preamble.addAll(findings.notes);
            Path file = HtmlReports.write(test, TimelineHtml.document(header.get(0), preamble, findings.histories));
            link = TimelinesLink.PREFIX + file.toUri();
            failure.addSuppressed(new TimelinesLink(link));
        } catch (RuntimeException e) {
            System.err.println("Hourglass could not write the HTML timelines of " + test.displayName() + " ("
                    + HtmlReports.fileOf(test) + "): " + e + "; the timelines follow as text");
        }
        System.err.println(text(header, link, findings));
    }

    /**
     * Closes the environment of a test that has run; if closing fails (a self-check replay found nondeterminism)
     * and the test itself had not failed, reports that failure first, since the test fails now.
     *
     * @param env the test's environment
     * @param testFailed whether the test failed, in which case its report was made already
     * @param report reports the test with the failure it fails with
     * @throws AssertionError as {@link TestWorkflowEnvironment#close()} does
     */
    public static void closeAfterTest(TestWorkflowEnvironment env, boolean testFailed, Consumer<Throwable> report) {
        try {
            env.close();
        } catch (AssertionError e) {
            if (!testFailed) {
                report.accept(e);
            }
            throw e;
        }
    }

    /**
     * Returns {@code handedOut} followed by the other workflow ids of the environment that no parent workflow
     * started, in string order: for a harness whose tests may start workflows with ids of their own.
     *
     * @param env the test's environment, still open
     * @param handedOut the workflow ids the harness handed to the test
     */
    public static List<String> withOtherWorkflowIds(TestWorkflowEnvironment env, List<String> handedOut) {
        Set<String> ids = new LinkedHashSet<>(handedOut);
        if (env instanceof TestWorkflowEnvironmentImpl) {
            for (History history : ((TestWorkflowEnvironmentImpl) env).histories()) {
                if (history.getEvents().isEmpty()) {
                    continue;
                }
                WorkflowExecutionStartedAttributes started = history.getEvents().get(0)
                        .getAttributes(WorkflowExecutionStartedAttributes.class);
                if (started.parentWorkflowId() == null) {
                    ids.add(history.getWorkflowId());
                }
            }
        }
        return List.copyOf(ids);
    }

    /**
     * Returns the report of a failed test.
     *
     * @param harness the harness that ran the test
     * @param testName the test's display name
     * @param seed the environment's seed
     * @param client the environment's client, still open
     * @param workflowIds the workflow ids handed to the test, in the order they were handed out
     */
    public static String describe(Harness harness, String testName, long seed, WorkflowClient client,
            List<String> workflowIds) {
        return text(header(harness, testName, seed), null, collect(harness, client, workflowIds));
    }

    /** What a report shows after its header: the parts of its text, and the histories and notes among them. */
    private static final class Findings {
        /** The timelines and notes, in the order they are shown. */
        final List<String> parts = new ArrayList<>();
        final List<History> histories = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        /** Why there is no timeline at all, shown under the header; {@code null} when there are some. */
        String nothingToShow;

        void note(String note) {
            parts.add(note);
            notes.add(note);
        }

        void history(History history) {
            parts.add(HistoryTimeline.format(history));
            histories.add(history);
        }
    }

    /** The first lines of a report: the seed, and how to rerun with it. */
    private static List<String> header(Harness harness, String testName, long seed) {
        return List.of("Hourglass test environment of " + testName + " failed with seed " + seed,
                "to rerun with the same seed: " + harness.builderOwner + ".newBuilder()...setTestEnvironmentOptions("
                        + "TestEnvironmentOptions.newBuilder().setSeed(" + seed + "L).build())");
    }

    private static String text(List<String> header, String link, Findings findings) {
        StringBuilder out = new StringBuilder(header.get(0)).append('\n').append("  ").append(header.get(1));
        if (link != null) {
            out.append("\n  ").append(link);
        }
        if (findings.nothingToShow != null) {
            return out.append("\n  ").append(findings.nothingToShow).toString();
        }
        for (String part : findings.parts) {
            out.append("\n\n").append(part);
        }
        return out.toString();
    }

    /** The histories of the workflows handed to the test, their earlier runs and their children, depth first. */
    private static Findings collect(Harness harness, WorkflowClient client, List<String> workflowIds) {
        Findings findings = new Findings();
        if (workflowIds.isEmpty()) {
            findings.nothingToShow = "(" + harness.nothingToShow + ", so there is no timeline to show)";
            findings.notes.add(findings.nothingToShow);
            return findings;
        }
        Set<String> seen = new LinkedHashSet<>();
        Deque<History> pending = new ArrayDeque<>();
        for (String workflowId : workflowIds) {
            if (seen.size() >= MAX_HISTORIES) {
                break;
            }
            List<History> runs;
            try {
                runs = runsOf(client, workflowId);
            } catch (WorkflowNotFoundException e) {
                findings.note(workflowId + ": never started");
                continue;
            } catch (RuntimeException e) {
                findings.note(workflowId + ": history unavailable: " + e);
                continue;
            }
            pending.addAll(runs);
            while (!pending.isEmpty() && seen.size() < MAX_HISTORIES) {
                History history = pending.removeFirst();
                if (!seen.add(history.getWorkflowId() + "/" + history.getRunId())) {
                    continue;
                }
                findings.history(history);
                List<History> children = childrenOf(client, history, findings);
                for (int i = children.size() - 1; i >= 0; i--) {
                    pending.addFirst(children.get(i));
                }
            }
        }
        if (seen.size() >= MAX_HISTORIES) {
            findings.note("(the report shows at most " + MAX_HISTORIES + " histories; fetch the others with"
                    + " WorkflowClient.fetchHistory)");
        }
        return findings;
    }

    /** The runs of a workflow id, oldest first, found by following continue-as-new links back from the latest. */
    private static List<History> runsOf(WorkflowClient client, String workflowId) {
        List<History> runs = new ArrayList<>();
        History run = client.fetchHistory(workflowId);
        runs.add(run);
        while (runs.size() < MAX_RUNS_PER_ID && !run.getEvents().isEmpty()) {
            String previous = run.getEvents().get(0).getAttributes(WorkflowExecutionStartedAttributes.class)
                    .continuedFromRunId();
            if (previous == null) {
                break;
            }
            try {
                run = client.fetchHistory(workflowId, previous);
            } catch (RuntimeException e) {
                break;
            }
            runs.add(0, run);
        }
        return runs;
    }

    private static List<History> childrenOf(WorkflowClient client, History history, Findings findings) {
        List<History> children = new ArrayList<>();
        for (HistoryEvent event : history.getEvents()) {
            if (!(event.getAttributes() instanceof ChildWorkflowExecutionStartedAttributes)) {
                continue;
            }
            ChildWorkflowExecutionStartedAttributes started =
                    (ChildWorkflowExecutionStartedAttributes) event.getAttributes();
            String workflowId = started.workflowId();
            String runId = started.runId();
            if (workflowId == null || runId == null) {
                continue;
            }
            try {
                children.add(client.fetchHistory(workflowId, runId));
            } catch (RuntimeException e) {
                findings.note(workflowId + " (child of " + history.getWorkflowId() + "): history unavailable: " + e);
            }
        }
        return children;
    }
}
