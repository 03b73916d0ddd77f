package dev.hourglass.cli.ui;

import dev.hourglass.client.PendingActivityInfo;
import dev.hourglass.client.PendingTimerInfo;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowExecutionDescription;
import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.history.WorkflowExecutionFailedAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.history.WorkflowExecutionTerminatedAttributes;
import dev.hourglass.internal.timeline.TimelineHtml;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The page of one workflow run: its summary, what it waits for, its history as a timeline, links to the history
 * file, and the forms of the actions while it is open. The part that changes while the run goes on, the live part,
 * is also served alone, for the page's script to poll.
 */
final class WorkflowPage {

    private final WorkflowClient client;
    private final UnaryOperator<History> decoder;
    private final String token;

    WorkflowPage(WorkflowClient client, UnaryOperator<History> decoder, String token) {
        this.client = client;
        this.decoder = decoder;
        this.token = token;
    }

    /** The history of the run {@code runId} of the workflow, or of its latest run if {@code runId} is null. */
    History history(String workflowId, String runId) {
        return decoder.apply(runId == null ? client.fetchHistory(workflowId) : client.fetchHistory(workflowId, runId));
    }

    /** The whole page, with {@code notice} (the result of an action, or {@code null}) at its top. */
    String render(String workflowId, String runId, Notices.Notice notice) {
        History history = history(workflowId, runId);
        StringBuilder body = new StringBuilder();
        if (notice != null) {
            body.append("<p class=\"notice").append(notice.error() ? " error" : "").append("\" id=\"notice\" role=\"")
                    .append(notice.error() ? "alert" : "status").append("\">").append(Html.escape(notice.text()))
                    .append("</p>\n");
        }
        body.append("<p class=\"crumbs\"><a href=\"/\">Workflows</a> / ").append(Html.escape(workflowId))
                .append("</p>\n<h1 id=\"workflow-id\">").append(Html.escape(workflowId)).append("</h1>\n");
        String runQuery = Html.withQuery("", Map.of("run", history.getRunId()));
        body.append("<p class=\"links\"><a id=\"raw-json\" href=\"")
                .append(Html.escape(Html.workflowPath(workflowId, "/history.json") + runQuery))
                .append("\">Raw JSON</a> · <a id=\"download\" href=\"")
                .append(Html.escape(Html.workflowPath(workflowId, "/download") + runQuery))
                .append("\" download>Download the history file</a> <span class=\"hint\">(what the replay gate reads)"
                        + "</span></p>\n");
        String live = live(history);
        body.append(live);
        if (!history.isClosed()) {
            actions(body, workflowId);
        }
        return Html.page(workflowId, body.toString());
    }

    /** The live part of the page of {@code history}'s run: summary, what it waits for, and the timeline. */
    String live(History history) {
        WorkflowExecutionDescription description = latestDescription(history);
        WorkflowExecutionStatus status = Statuses.of(history);
        StringBuilder html = new StringBuilder("<div id=\"live\" data-open=\"").append(!history.isClosed())
                .append("\" data-events=\"").append(history.getEvents().size()).append("\" data-live-url=\"")
                .append(Html.escape(Html.withQuery(Html.workflowPath(history.getWorkflowId(), "/live"),
                        Map.of("run", history.getRunId()))))
                .append("\">\n");
        summary(html, history, status);
        if (description != null && !history.isClosed()) {
            pending(html, description);
        }
        html.append("<h2 id=\"history\">History <span class=\"hint\">").append(history.getEvents().size())
                .append(" events, times in UTC").append(history.isClosed() ? "" : "; updates while the run is open")
                .append("</span></h2>\n").append(TimelineHtml.fragment(history)).append("</div>\n");
        return html.toString();
    }

    /** The description of the workflow's latest run if {@code history} is of it, else {@code null}. */
    private WorkflowExecutionDescription latestDescription(History history) {
        WorkflowExecutionDescription description = client.newUntypedWorkflowStub(history.getWorkflowId()).describe();
        return description.getExecution().getRunId().equals(history.getRunId()) ? description : null;
    }

    private static void summary(StringBuilder html, History history, WorkflowExecutionStatus status) {
        html.append("<dl class=\"summary\">");
        item(html, "Status", ListPage.badge(status), "status");
        item(html, "Type", Html.escape(history.getWorkflowType()), "type");
        item(html, "Run id", "<span class=\"mono\">" + Html.escape(history.getRunId()) + "</span>", "run-id");
        item(html, "Task queue", Html.escape(history.getTaskQueue()), "task-queue");
        List<HistoryEvent> events = history.getEvents();
        if (!events.isEmpty()) {
            item(html, "Started", Times.format(events.get(0).getEventTime()), "started");
            if (history.isClosed()) {
                item(html, "Closed", Times.format(history.getLastEvent().getEventTime()), "closed");
            }
            if (events.get(0).getAttributes() instanceof WorkflowExecutionStartedAttributes started) {
                item(html, "Input", pre(started.input()), "input");
            }
        }
        if (history.isClosed()) {
            ending(html, history.getLastEvent());
        }
        html.append("</dl>\n");
    }

    private static void ending(StringBuilder html, HistoryEvent last) {
        if (last.getAttributes() instanceof WorkflowExecutionCompletedAttributes completed) {
            item(html, "Result", pre(completed.result()), "result");
        } else if (last.getAttributes() instanceof WorkflowExecutionFailedAttributes failed
                && failed.failure() != null) {
            item(html, "Failure", failure(failed.failure()), "failure");
        } else if (last.getAttributes() instanceof WorkflowExecutionTerminatedAttributes terminated) {
            item(html, "Reason", terminated.reason() == null ? "<span class=\"hint\">none given</span>"
                    : Html.escape(terminated.reason()), "reason");
        } else if (last.getAttributes() instanceof WorkflowExecutionContinuedAsNewAttributes continued) {
            item(html, "Continued as", "<span class=\"mono\">" + Html.escape(continued.newRunId()) + "</span>",
                    "new-run");
        }
    }

    /** A failure: its chain on one line, and the chain with stack traces a click away. */
    static String failure(Payload failure) {
        return "<details class=\"failure\"><summary>" + Html.escape(Failures.oneLine(failure))
                + "</summary><pre class=\"stack\">" + Html.escape(String.join("\n", Failures.withStackTraces(failure,
                        ""))) + "</pre></details>";
    }

    private static String pre(Payload payload) {
        return "<pre class=\"payload\">" + Html.escape(payload == null ? "" : payload.toDisplayText()) + "</pre>";
    }

    private static void item(StringBuilder html, String name, String valueHtml, String id) {
        html.append("<dt>").append(name).append("</dt><dd id=\"summary-").append(id).append("\">").append(valueHtml)
                .append("</dd>");
    }

    private static void pending(StringBuilder html, WorkflowExecutionDescription description) {
        html.append("<h2>Pending activities</h2>\n");
        if (description.getPendingActivities().isEmpty()) {
            html.append("<p class=\"empty\" id=\"no-pending-activities\">None.</p>\n");
        } else {
            html.append("<table class=\"pending\" id=\"pending-activities\"><thead><tr><th>Activity id</th>"
                    + "<th>Type</th><th>State</th><th>Attempt</th><th>Scheduled</th><th>Next attempt</th>"
                    + "<th>Last failure</th></tr></thead><tbody>\n");
            for (PendingActivityInfo activity : description.getPendingActivities()) {
                html.append("<tr class=\"pending-activity\" data-activity-id=\"")
                        .append(Html.escape(activity.getActivityId())).append("\"><td>")
                        .append(Html.escape(activity.getActivityId())).append("</td><td>")
                        .append(Html.escape(activity.getActivityType())).append("</td><td>")
                        .append(Html.escape(activity.getState())).append("</td><td class=\"attempt\">")
                        .append(activity.getAttempt()).append("</td><td>")
                        .append(Times.format(activity.getScheduledTime())).append("</td><td>")
                        .append(activity.getNextAttemptTime().map(Times::format).orElse("")).append("</td><td>")
                        .append(Html.escape(lastFailure(activity))).append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        if (!description.getPendingTimers().isEmpty()) {
            html.append("<h2>Pending timers</h2>\n<table class=\"pending\" id=\"pending-timers\"><thead><tr>"
                    + "<th>Timer id</th><th>Fires</th></tr></thead><tbody>\n");
            for (PendingTimerInfo timer : description.getPendingTimers()) {
                html.append("<tr><td>").append(Html.escape(timer.getTimerId())).append("</td><td>")
                        .append(Times.format(timer.getFireTime())).append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
    }

    private static String lastFailure(PendingActivityInfo activity) {
        if (activity.getLastFailureType().isEmpty() && activity.getLastFailureMessage().isEmpty()) {
            return "";
        }
        String type = activity.getLastFailureType().orElse("?");
        return activity.getLastFailureMessage().filter(message -> !message.isEmpty())
                .map(message -> type + ": " + message).orElse(type);
    }

    private void actions(StringBuilder body, String workflowId) {
        body.append("<section class=\"actions\" id=\"actions\"><h2>Actions</h2>\n");
        form(body, workflowId, "signal", "Send this signal to the run?",
                "<label>Signal <input name=\"name\" id=\"signal-name\" required placeholder=\"name\"></label> "
                        + "<label>Arguments <input name=\"args\" id=\"signal-args\" class=\"mono\""
                        + " placeholder='a JSON array, such as [\"carol\", 3]'></label> "
                        + "<button type=\"submit\" id=\"signal-send\">Signal</button>");
        form(body, workflowId, "cancel", "Request cancellation of the run? Its code decides how it stops.",
                "<button type=\"submit\" id=\"cancel-run\">Request cancellation</button>");
        form(body, workflowId, "terminate", "Terminate the run at once? None of its code runs any more.",
                "<label>Reason <input name=\"reason\" id=\"terminate-reason\" placeholder=\"recorded in the"
                        + " history\"></label> <button type=\"submit\" id=\"terminate-run\" class=\"danger\">"
                        + "Terminate</button>");
        body.append("</section>\n");
    }

    private void form(StringBuilder body, String workflowId, String action, String question, String fields) {
        body.append("<form method=\"post\" class=\"action\" id=\"").append(action).append("-form\" action=\"")
                .append(Html.escape(Html.workflowPath(workflowId, "/" + action))).append("\" data-confirm=\"")
                .append(Html.escape(question)).append("\"><input type=\"hidden\" name=\"token\" value=\"")
                .append(Html.escape(token)).append("\">").append(fields).append("</form>\n");
    }
}
