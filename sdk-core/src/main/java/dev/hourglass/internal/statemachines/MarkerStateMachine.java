package dev.hourglass.internal.statemachines;

/**
 * A marker (a side effect's value or a version decision): recorded now, or read back from the history.
 */
public final class MarkerStateMachine {

    /** States of a marker. */
    public enum State { CREATED, RECORDED, REPLAYED, SKIPPED }

    /** Events that move a marker. */
    public enum Event { RECORD, MATCH_RECORDED, NOT_IN_HISTORY }

    /** The transitions, in one place. */
    public static final StateMachineDefinition<State, Event> DEFINITION =
            StateMachineDefinition.of("MarkerStateMachine", State.class, Event.class)
                    .add(State.CREATED, Event.RECORD, State.RECORDED)
                    .add(State.CREATED, Event.MATCH_RECORDED, State.REPLAYED)
                    .add(State.CREATED, Event.NOT_IN_HISTORY, State.SKIPPED);

    private State state = State.CREATED;

    public State state() {
        return state;
    }

    /** The marker's command is new and will be recorded. */
    public void record() {
        state = DEFINITION.next(state, Event.RECORD);
    }

    /** The marker was found in the history at this point. */
    public void matchRecorded() {
        state = DEFINITION.next(state, Event.MATCH_RECORDED);
    }

    /** The history was recorded before the marker existed (a version check on an old history). */
    public void notInHistory() {
        state = DEFINITION.next(state, Event.NOT_IN_HISTORY);
    }
}
