package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#MarkerRecorded}: the workflow recorded a value that replay returns instead of
 * computing it again: a side effect's value or a version decision.
 *
 * @param markerName what kind of marker: {@code "SideEffect"} or {@code "Version"}
 * @param markerId which marker of that kind: a side effect's number or a version's change id
 * @param details the recorded value, or {@code null} when the event records none
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record MarkerRecordedAttributes(String markerName, String markerId, Payload details) implements EventAttributes {

    @Override
    public EventType eventType() {
        return EventType.MarkerRecorded;
    }
}
