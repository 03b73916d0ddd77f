package dev.hourglass.replay.internal;

import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.HistoryFormatException;
import dev.hourglass.replay.CommandPair;
import dev.hourglass.replay.ReplayResult;
import dev.hourglass.replay.ReplayResult.Status;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes a gate's results as the text a developer reads in a terminal; the same results give the same text. */
public final class ReportText {

    private static final String NL = "\n";
    private static final String INDENT = "  ";

    private ReportText() {
    }

    /**
     * The whole report: the counts, the incompatible open executions (they would get stuck), the incompatible closed
     * ones, the histories in error with their one-line cause, then each incompatible history in detail.
     */
    public static String report(List<ReplayResult> results, boolean withDurations) {
        List<ReplayResult> open = incompatible(results, true);
        List<ReplayResult> closed = incompatible(results, false);
        List<ReplayResult> errors = results.stream().filter(r -> r.getStatus() == Status.ERROR)
                .collect(Collectors.toList());
        StringBuilder text = new StringBuilder();
        text.append("Replay gate: ").append(results.size()).append(results.size() == 1 ? " history: " : " histories: ")
                .append(results.size() - open.size() - closed.size() - errors.size()).append(" compatible, ")
                .append(open.size() + closed.size()).append(" incompatible (").append(open.size()).append(" open, ")
                .append(closed.size()).append(" closed), ").append(errors.size()).append(" in error");
        if (withDurations) {
            long nanos = results.stream().mapToLong(r -> r.getDuration().toNanos()).sum();
            text.append(String.format(Locale.ROOT, "; %.3f s of replay", nanos / 1e9));
        }
        text.append(NL);
        section(text, "Open executions that would get stuck if the new code were deployed", open);
        section(text, "Closed executions whose queries and resets would break", closed);
        if (!errors.isEmpty()) {
            text.append(NL).append("Histories that could not be checked (").append(errors.size()).append("):")
                    .append(NL);
            for (ReplayResult error : errors) {
                text.append(INDENT).append(error.getSource()).append(": ").append(cause(error)).append(NL);
            }
        }
        for (ReplayResult result : open) {
            text.append(NL).append(describe(result));
        }
        for (ReplayResult result : closed) {
            text.append(NL).append(describe(result));
        }
        List<ReplayResult> warned = results.stream().filter(r -> !r.getWarnings().isEmpty())
                .collect(Collectors.toList());
        if (!warned.isEmpty()) {
            text.append(NL).append("Warnings (differences that do not make a history incompatible):").append(NL);
            for (ReplayResult result : warned) {
                for (String warning : result.getWarnings()) {
                    text.append(INDENT).append(result.getSource()).append(": ").append(oneLine(warning)).append(NL);
                }
            }
        }
        return text.toString();
    }

    private static void section(StringBuilder text, String title, List<ReplayResult> results) {
        if (results.isEmpty()) {
            return;
        }
        text.append(NL).append(title).append(" (").append(results.size()).append("):").append(NL);
        for (ReplayResult result : results) {
            text.append(INDENT).append(result.getWorkflowId()).append(" (").append(result.getWorkflowType())
                    .append(")");
            eventId(result).ifPresent(id -> text.append(" at event ").append(id));
            text.append(", ").append(result.getSource()).append(NL);
        }
    }

    private static List<ReplayResult> incompatible(List<ReplayResult> results, boolean open) {
        return results.stream().filter(r -> r.getStatus() == Status.INCOMPATIBLE && r.isOpen() == open)
                .collect(Collectors.toList());
    }

    /** One result in detail: what it is, where, the commands side by side, the code's line and the remedy. */
    public static String describe(ReplayResult result) {
        StringBuilder text = new StringBuilder();
        text.append(result.getStatus()).append(": ");
        if (result.getWorkflowId() != null) {
            text.append("workflow ").append(result.getWorkflowId()).append(" (").append(result.getWorkflowType())
                    .append(result.isOpen() ? ", open" : ", closed").append(")").append(NL)
                    .append(INDENT).append("source: ").append(result.getSource()).append(NL);
        } else {
            text.append(result.getSource()).append(NL);
        }
        Throwable failure = result.getFailure().orElse(null);
        if (result.getStatus() == Status.ERROR) {
            text.append(INDENT).append(cause(result)).append(NL);
        } else if (failure instanceof NonDeterministicException && !result.getCommands().isEmpty()) {
            NonDeterministicException e = (NonDeterministicException) failure;
            text.append(INDENT).append("event ").append(e.getEventId()).append(": ").append(what(e)).append(NL)
                    .append(NL);
            commands(text, result.getCommands());
            text.append(NL).append(INDENT).append("new code at: ")
                    .append(e.getLocation() == null ? "(unknown)" : e.getLocation()).append(NL);
            remedy(text);
        } else if (failure != null) {
            text.append(indent(String.valueOf(failure.getMessage()))).append(NL);
        }
        for (String warning : result.getWarnings()) {
            text.append(INDENT).append("warning: ").append(oneLine(warning)).append(NL);
        }
        return text.toString();
    }

    private static void commands(StringBuilder text, List<CommandPair> commands) {
        int idWidth = "event".length();
        int recordedWidth = "recorded".length();
        for (CommandPair pair : commands) {
            idWidth = Math.max(idWidth, id(pair).length());
            recordedWidth = Math.max(recordedWidth, pair.getRecorded().orElse("-").length());
        }
        String format = "%s %-" + idWidth + "s  %-" + recordedWidth + "s | %s";
        text.append(INDENT).append(String.format(Locale.ROOT, format, " ", "event", "recorded", "new code").stripTrailing())
                .append(NL);
        for (CommandPair pair : commands) {
            text.append(INDENT).append(String.format(Locale.ROOT, format, pair.isDiverging() ? ">" : " ", id(pair),
                    pair.getRecorded().orElse("-"), pair.getActual().orElse(pair.isDiverging() ? "(nothing)" : ""))
                    .stripTrailing()).append(NL);
        }
    }

    private static String id(CommandPair pair) {
        return pair.getEventId().isPresent() ? Long.toString(pair.getEventId().getAsLong()) : "-";
    }

    private static void remedy(StringBuilder text) {
        text.append(INDENT).append("What to do: if the change is intended, guard it with Workflow.getVersion, so that"
                + " executions recorded before it keep the old path:").append(NL)
                .append(INDENT).append(INDENT)
                .append("int version = Workflow.getVersion(\"my-change\", Workflow.DEFAULT_VERSION, 1);").append(NL)
                .append(INDENT).append(INDENT)
                .append("if (version == Workflow.DEFAULT_VERSION) { /* the old code */ } else { /* the new code */ }")
                .append(NL)
                .append(INDENT).append("If the code depends on something outside the history (the clock, randomness,"
                        + " static state, I/O), move that logic into an activity.").append(NL);
    }

    /** What diverged, from the first line of the report: {@code "the activityType differs (...)"}. */
    private static String what(NonDeterministicException e) {
        String message = String.valueOf(e.getMessage());
        String first = message.lines().findFirst().orElse("");
        String marker = " at event " + e.getEventId() + ": ";
        int at = first.indexOf(marker);
        String what = at < 0 ? first : first.substring(at + marker.length());
        return what.endsWith(".") ? what.substring(0, what.length() - 1) : what;
    }

    /** The event id of an incompatible result's divergence, when it has one. */
    static java.util.OptionalLong eventId(ReplayResult result) {
        Throwable failure = result.getFailure().orElse(null);
        if (failure instanceof NonDeterministicException && ((NonDeterministicException) failure).getEventId() >= 0) {
            return java.util.OptionalLong.of(((NonDeterministicException) failure).getEventId());
        }
        if (failure instanceof HistoryFormatException) {
            return ((HistoryFormatException) failure).getEventId();
        }
        return java.util.OptionalLong.empty();
    }

    /** An error's cause on one line, without the {@code history <source>: } prefix the list already shows. */
    static String cause(ReplayResult result) {
        Throwable failure = result.getFailure().orElse(null);
        if (failure == null) {
            return "";
        }
        String message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
        String prefix = "history " + result.getSource() + ": ";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        return oneLine(message);
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    private static String indent(String text) {
        return INDENT + text.replaceAll("\\r?\\n", NL + INDENT);
    }
}
