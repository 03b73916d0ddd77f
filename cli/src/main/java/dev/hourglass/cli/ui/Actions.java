package dev.hourglass.cli.ui;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowExecutionClosedException;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.history.Payload;
import java.io.IOException;
import java.util.List;

/**
 * The actions on a workflow's open run, posted by the forms of its page: signal, cancel, terminate. Each ends in a
 * redirect to the workflow's page, which shows what happened, or why nothing did, in one line.
 */
final class Actions {

    /** The actions, as the last segment of their path names them. */
    static final List<String> NAMES = List.of("signal", "cancel", "terminate");

    private final WorkflowClient client;
    private final Notices notices;

    Actions(WorkflowClient client, Notices notices) {
        this.client = client;
        this.notices = notices;
    }

    /** Does {@code action} on the workflow's open run and redirects to its page. */
    void perform(Exchange exchange, String workflowId, String action) throws IOException {
        String notice;
        boolean error = false;
        try {
            notice = switch (action) {
                case "signal" -> signal(workflowId, exchange.form("name"), exchange.form("args"));
                case "cancel" -> {
                    stub(workflowId).cancel();
                    yield "Requested cancellation of " + workflowId + ".";
                }
                case "terminate" -> {
                    String reason = blankToNull(exchange.form("reason"));
                    stub(workflowId).terminate(reason);
                    yield "Terminated " + workflowId + (reason == null ? "." : ": " + reason);
                }
                default -> throw new IllegalArgumentException("no action " + action);
            };
        } catch (BadRequestException e) {
            notice = e.getMessage();
            error = true;
        } catch (WorkflowExecutionClosedException e) {
            notice = "Cannot " + action + " " + workflowId + ": its run is closed (" + e.getCloseType() + "); only"
                    + " open runs take signals, cancellation and termination.";
            error = true;
        } catch (WorkflowNotFoundException e) {
            notice = "Cannot " + action + " " + workflowId + ": there is no such workflow.";
            error = true;
        }
        exchange.redirect(Html.workflowPath(workflowId, "") + "?notice=" + notices.add(notice, error));
    }

    private String signal(String workflowId, String name, String argumentsJson) {
        if (name == null || name.isBlank()) {
            throw new BadRequestException("Cannot signal " + workflowId + ": the signal's name is missing.");
        }
        Object[] arguments = arguments(name.strip(), argumentsJson);
        stub(workflowId).signal(name.strip(), arguments);
        return "Signaled " + workflowId + " with " + name.strip() + Payload.ofArguments(arguments).toJson() + ".";
    }

    /** The arguments that {@code json} holds: a JSON array, one element per argument; none if it is blank. */
    static Object[] arguments(String signalName, String json) {
        if (json == null || json.isBlank()) {
            return new Object[0];
        }
        Object value;
        try {
            value = Payload.fromJson(json.strip()).decode(Object.class);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Cannot signal " + signalName + ": its arguments are not JSON: "
                    + json.strip() + " (expected a JSON array of the arguments, such as [\"carol\", 3])");
        }
        if (!(value instanceof List<?> list)) {
            throw new BadRequestException("Cannot signal " + signalName + ": its arguments are " + json.strip()
                    + ", not a JSON array (write one argument as [" + json.strip() + "])");
        }
        return list.toArray();
    }

    private WorkflowStub stub(String workflowId) {
        return client.newUntypedWorkflowStub(workflowId);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
