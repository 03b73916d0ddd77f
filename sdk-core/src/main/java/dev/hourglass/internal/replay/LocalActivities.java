package dev.hourglass.internal.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.activity.LocalActivityOptions;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.MarkerRecordedAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.statemachines.MarkerStateMachine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The local activities of one run. A call blocks its workflow thread; once every workflow thread is blocked, and
 * before the next input event is delivered, the executor resolves the calls in the order they were made: live, a
 * {@link LocalActivityRunner} runs each in the worker and a {@code MarkerRecorded} command records its outcome; on
 * replay the recorded marker gives the outcome and nothing runs. An outcome that asks for another attempt after a
 * backoff makes the calling thread wait on a workflow timer and call again, so retries past the local retry
 * threshold (or past the workflow task's time) are as durable as every timer.
 */
final class LocalActivities {

    /** A call waiting for its outcome. */
    private record Pending(LocalActivityRunner.Request request, PromiseImpl<JsonNode> outcome, String location) {
    }

    private final WorkflowExecutor executor;
    private final List<Pending> pending = new ArrayList<>();
    private LocalActivityRunner runner;
    private int sequence;

    LocalActivities(WorkflowExecutor executor) {
        this.executor = executor;
    }

    /** Sets what runs local activities in the current task; {@code null}: none may run (replay, queries). */
    void setRunner(LocalActivityRunner runner) {
        this.runner = runner;
    }

    /**
     * Calls a local activity from workflow code and blocks until its outcome: returns the result, or throws an
     * {@link ActivityFailure} with the last attempt's failure as its cause.
     */
    Payload call(String activityType, ArrayNode input, LocalActivityOptions options) {
        executor.requireNoQuery("Local activity " + activityType);
        WorkflowThread.requireCurrent("calling local activity " + activityType);
        String activityId = String.valueOf(++sequence);
        long scheduled = executor.currentTimeMillis();
        WorkflowInfoImpl info = executor.info;
        int attempt = 1;
        while (true) {
            PromiseImpl<JsonNode> outcome = new PromiseImpl<>();
            pending.add(new Pending(new LocalActivityRunner.Request(activityId, activityType, JsonPayload.of(input),
                    options, attempt, scheduled, executor.currentTimeMillis(), info.getWorkflowId(), info.getRunId(),
                    info.getWorkflowType(), info.getTaskQueue()), outcome, CodeLocations.callerLocation()));
            JsonNode marker = outcome.get();
            if (marker.has("result")) {
                return JsonPayload.of(marker.get("result"));
            }
            int recordedAttempt = marker.path("attempt").asInt();
            if (!marker.hasNonNull("backoff")) {
                RuntimeException cause = FailureConverter.decodingWith(executor.converter,
                        () -> FailureConverter.fromJson(marker.get("failure"), executor.converter));
                throw new ActivityFailure(activityType, activityId, recordedAttempt, cause);
            }
            Duration backoff = Duration.parse(marker.get("backoff").asText());
            executor.operations().newTimer(backoff, "local activity " + activityType + " retry").get();
            attempt = marker.path("deferred").asBoolean() ? recordedAttempt : recordedAttempt + 1;
        }
    }

    /**
     * Resolves the waiting calls in the order they were made, from the history where it records them, else by
     * running them when a runner is set; returns whether any was resolved (its thread may run again).
     */
    boolean resolvePending() {
        boolean resolved = false;
        while (!pending.isEmpty() && !executor.isStopped()) {
            Pending next = pending.get(0);
            LocalActivityRunner.Request request = next.request();
            EventAttributes recorded = executor.matcher.peekRecorded();
            JsonNode details;
            if (recorded != null) {
                details = readBack(next, recorded);
            } else if (runner != null && !executor.matcher.isReplayOnly()) {
                LocalActivityRunner.Outcome outcome = DeterminismGuard.exempt(
                        () -> runner.run(request, executor.runner::keepAlive));
                details = markerDetails(request, outcome);
                executor.matcher.add(new MarkerRecordedAttributes(MarkerStateMachine.LOCAL_ACTIVITY,
                        request.activityId(), JsonPayload.of(details)));
            } else {
                return resolved;
            }
            pending.remove(0);
            next.outcome().complete(details);
            resolved = true;
        }
        return resolved;
    }

    /** Matches the recorded command against the call and returns the recorded outcome. */
    private JsonNode readBack(Pending call, EventAttributes recorded) {
        LocalActivityRunner.Request request = call.request();
        String now = "MarkerRecorded LocalActivity " + request.activityId() + " (local activity "
                + request.activityType() + ")";
        if (recorded instanceof MarkerRecordedAttributes
                && MarkerStateMachine.LOCAL_ACTIVITY.equals(((MarkerRecordedAttributes) recorded).markerName())
                && request.activityId().equals(((MarkerRecordedAttributes) recorded).markerId())) {
            JsonNode details = JsonPayload.node(((MarkerRecordedAttributes) recorded).details());
            String recordedType = details == null ? null : details.path("activityType").asText(null);
            if (!request.activityType().equals(recordedType)) {
                throw executor.abortWith(executor.matcher.peekRecordedEventId(),
                        "MarkerRecorded LocalActivity " + request.activityId() + " (local activity " + recordedType
                                + ")", now, call.location(), "the local activity type differs ('" + recordedType
                                + "' recorded, '" + request.activityType() + "' now)");
            }
        }
        MarkerRecordedAttributes matched = (MarkerRecordedAttributes) executor.matcher.add(
                new MarkerRecordedAttributes(MarkerStateMachine.LOCAL_ACTIVITY, request.activityId(), null));
        return JsonPayload.node(matched.details());
    }

    /** The details of the marker that records {@code outcome}; the shape is in docs/history-format.md. */
    private static ObjectNode markerDetails(LocalActivityRunner.Request request, LocalActivityRunner.Outcome outcome) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("activityId", request.activityId());
        details.put("activityType", request.activityType());
        details.put("attempt", outcome.attempt());
        if (!request.options().isDoNotIncludeArgumentsIntoMarker()) {
            details.set("input", JsonPayload.node(request.input()));
        }
        if (outcome.completed()) {
            JsonNode result = JsonPayload.node(outcome.result());
            details.set("result", result == null ? JsonNodeFactory.instance.nullNode() : result);
        } else if (outcome.failure() != null) {
            details.set("failure", JsonPayload.node(outcome.failure()));
        }
        if (outcome.deferred()) {
            details.put("deferred", true);
        }
        if (outcome.backoff() != null) {
            details.put("backoff", outcome.backoff().toString());
        }
        return details;
    }
}
