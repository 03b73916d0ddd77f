package dev.hourglass.cli.ui;

import dev.hourglass.history.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apiguardian.api.API;

/**
 * The failure objects of a history (docs/history-format.md, "Failure object"), for the command line and its web UI:
 * on one line, and as the chain of causes with their stack traces.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Failures {

    private static final int MAX_DEPTH = 20;

    private Failures() {
    }

    /** The failure and its causes on one line, as {@code ActivityFailure[withdraw, attempt 3] caused by X "m"}. */
    public static String oneLine(Payload failure) {
        StringJoiner links = new StringJoiner(" caused by ");
        for (Map<?, ?> link : chain(failure)) {
            links.add(link(link));
        }
        return links.toString();
    }

    /**
     * The failure and its causes, outermost first, each as a line of its type and message followed by the lines of
     * its stack trace, indented by {@code indent}.
     */
    public static List<String> withStackTraces(Payload failure, String indent) {
        List<String> lines = new ArrayList<>();
        boolean first = true;
        for (Map<?, ?> link : chain(failure)) {
            lines.add(indent + (first ? "" : "caused by: ") + link(link));
            first = false;
            Object stackTrace = link.get("stackTrace");
            if (stackTrace instanceof String text && !text.isBlank()) {
                for (String frame : text.split("\\R")) {
                    if (!frame.isBlank()) {
                        lines.add(indent + "    " + frame.strip());
                    }
                }
            }
        }
        return lines;
    }

    private static List<Map<?, ?>> chain(Payload failure) {
        List<Map<?, ?>> chain = new ArrayList<>();
        Object current = failure.decode(Object.class);
        while (current instanceof Map<?, ?> link && chain.size() < MAX_DEPTH) {
            chain.add(link);
            current = link.get("cause");
        }
        return chain;
    }

    private static String link(Map<?, ?> failure) {
        String type = text(failure, "type");
        String kind = text(failure, "kind");
        if (kind.equals("activity")) {
            return type + "[" + text(failure, "activityType") + ", attempt " + text(failure, "attempt") + "]";
        }
        if (kind.equals("childWorkflow")) {
            return type + "[" + text(failure, "workflowType") + ", workflowId " + text(failure, "workflowId") + "]";
        }
        if (kind.equals("timeout")) {
            return type + "[" + text(failure, "timeoutType") + "]";
        }
        String message = text(failure, "message");
        return message.isEmpty() ? type : type + " " + Payload.of(message).toJson();
    }

    private static String text(Map<?, ?> failure, String field) {
        Object value = failure.get(field);
        return value == null ? "" : value.toString();
    }
}
