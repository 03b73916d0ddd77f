package dev.hourglass.internal.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.MarkerRecordedAttributes;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The attributes of a local activity's {@code MarkerRecorded} event as a timeline shows them: the activity, its
 * attempt and outcome rather than the raw details, such as
 * {@code LocalActivity activityId=1 activityType=charge attempt=2 result="ok"} or
 * {@code LocalActivity activityId=1 activityType=charge attempt=1 failure=Flaky "timeout" retryAfter=2s}.
 */
public final class LocalActivityMarkerText {

    /** The marker name of local activities. */
    private static final String LOCAL_ACTIVITY = "LocalActivity";

    private LocalActivityMarkerText() {
    }

    /** The text of {@code event} if it records a local activity's outcome, else {@code null}. */
    public static String of(HistoryEvent event) {
        if (!(event.getAttributes() instanceof MarkerRecordedAttributes)) {
            return null;
        }
        MarkerRecordedAttributes marker = (MarkerRecordedAttributes) event.getAttributes();
        JsonNode details = marker.details() == null ? null : JsonPayload.node(marker.details());
        if (!LOCAL_ACTIVITY.equals(marker.markerName()) || details == null || !details.isObject()) {
            return null;
        }
        StringBuilder text = new StringBuilder(LOCAL_ACTIVITY)
                .append(" activityId=").append(marker.markerId())
                .append(" activityType=").append(details.path("activityType").asText("?"))
                .append(" attempt=").append(details.path("attempt").asInt());
        if (details.has("input")) {
            text.append(" input=").append(EventText.json(details.get("input")));
        }
        if (details.has("result")) {
            text.append(" result=").append(EventText.json(details.get("result")));
        }
        if (details.has("failure")) {
            text.append(" failure=").append(EventText.failure(details.get("failure")));
        }
        if (details.path("deferred").asBoolean()) {
            text.append(" deferred to the next workflow task");
        }
        if (details.hasNonNull("backoff")) {
            text.append(" retryAfter=").append(backoff(details.get("backoff").asText()));
        }
        return text.toString();
    }

    private static String backoff(String iso) {
        try {
            return EventText.duration(Duration.parse(iso).toMillis());
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
