package dev.hourglass.internal.statemachines;

import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.MarkerRecordedAttributes;
import dev.hourglass.history.Payload;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A marker: a value the code records once so that replay returns it instead of computing it again (a side
 * effect's value, a version decision). It holds the value: the one it records now, or the one read back from the
 * history; a version marker may also be missing from a history recorded before the change ({@code SKIPPED}, no
 * value).
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class MarkerStateMachine
        extends StateMachine<MarkerStateMachine, MarkerStateMachine.State, MarkerStateMachine.Event> {

    /** The marker name of side effects. */
    public static final String SIDE_EFFECT = "SideEffect";

    /** The marker name of local activity outcomes (see {@code LocalActivities} in the replay package). */
    public static final String LOCAL_ACTIVITY = "LocalActivity";

    /** The marker name of version decisions. */
    public static final String VERSION = "Version";

    /** States of a marker. */
    public enum State { CREATED, RECORDED, REPLAYED, SKIPPED }

    /** Events that move a marker. */
    public enum Event { RECORD, MATCH_RECORDED, NOT_IN_HISTORY }

    /** The transitions, in one place. */
    public static final StateMachineDefinition<MarkerStateMachine, State, Event> DEFINITION =
            StateMachineDefinition.<MarkerStateMachine, State, Event>of("MarkerStateMachine", State.class,
                            Event.class)
                    .add(State.CREATED, Event.RECORD, State.RECORDED, MarkerStateMachine::record)
                    .add(State.CREATED, Event.MATCH_RECORDED, State.REPLAYED, (m, input) -> m.readBack())
                    // a version decision the history predates: no command, no value
                    .add(State.CREATED, Event.NOT_IN_HISTORY, State.SKIPPED);

    private final String markerName;
    private final String markerId;
    private final CommandSink sink;
    private Payload value;

    private MarkerStateMachine(String markerName, String markerId, CommandSink sink) {
        super(DEFINITION, State.CREATED);
        this.markerName = markerName;
        this.markerId = markerId;
        this.sink = sink;
    }

    /** The marker of the side effect numbered {@code sequence} in the run. */
    public static MarkerStateMachine sideEffect(String sequence, CommandSink sink) {
        return new MarkerStateMachine(SIDE_EFFECT, sequence, sink);
    }

    /** The marker of the version decision of {@code changeId}. */
    public static MarkerStateMachine version(String changeId, CommandSink sink) {
        return new MarkerStateMachine(VERSION, changeId, sink);
    }

    /**
     * Decides the marker's value: past the recorded commands it is new, computed by {@code compute} and recorded;
     * otherwise it is read back from the history. A version marker that the history does not have at this point
     * is {@code SKIPPED}; any other marker takes the recorded command as its own, and replay reports a recorded
     * command of another kind as nondeterminism.
     *
     * @return the value; {@code null} when skipped
     */
    public Payload resolve(Supplier<Payload> compute) {
        EventAttributes recorded = sink.peekRecorded();
        if (recorded == null) {
            fire(Event.RECORD, compute.get());
        } else if (VERSION.equals(markerName) && !isThisMarker(recorded)) {
            fire(Event.NOT_IN_HISTORY, null);
        } else {
            fire(Event.MATCH_RECORDED, null);
        }
        return value;
    }

    /** The value once resolved; {@code null} when skipped. */
    public Payload value() {
        return value;
    }

    private boolean isThisMarker(EventAttributes recorded) {
        return recorded instanceof MarkerRecordedAttributes
                && markerName.equals(((MarkerRecordedAttributes) recorded).markerName())
                && markerId.equals(((MarkerRecordedAttributes) recorded).markerId());
    }

    private void record(Object computed) {
        value = (Payload) computed;
        sink.add(new MarkerRecordedAttributes(markerName, markerId, value));
    }

    private void readBack() {
        EventAttributes recorded = sink.add(new MarkerRecordedAttributes(markerName, markerId, null));
        value = ((MarkerRecordedAttributes) recorded).details();
    }
}
