package dev.hourglass.internal.statemachines;

import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowPropertiesModifiedAttributes;
import org.apiguardian.api.API;

/**
 * One upsert of memo values: a command that nothing answers, recorded once as a {@code WorkflowPropertiesModified}
 * event. Past the recorded commands it is new and records the code's values; in replay it matches the recorded upsert
 * (the same keys; changed values are a warning) and takes the recorded values, so that the run's memo is that of its
 * history.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class MemoStateMachine extends StateMachine<MemoStateMachine, MemoStateMachine.State,
        MemoStateMachine.Event> {

    /** States of an upsert. */
    public enum State { CREATED, RECORDED, REPLAYED }

    /** Events that move an upsert. */
    public enum Event { RECORD, MATCH_RECORDED }

    /** The transitions, in one place. */
    public static final StateMachineDefinition<MemoStateMachine, State, Event> DEFINITION =
            StateMachineDefinition.<MemoStateMachine, State, Event>of("MemoStateMachine", State.class, Event.class)
                    .add(State.CREATED, Event.RECORD, State.RECORDED, (m, input) -> m.record())
                    .add(State.CREATED, Event.MATCH_RECORDED, State.REPLAYED, (m, input) -> m.readBack());

    private final WorkflowPropertiesModifiedAttributes command;
    private final CommandSink sink;
    private Payload applied;

    /**
     * An upsert of {@code memo}.
     *
     * @param memo the code's values: a JSON object of key to payload, {@code null} removing the key, in key order
     * @param sink where the command goes
     */
    public MemoStateMachine(Payload memo, CommandSink sink) {
        super(DEFINITION, State.CREATED);
        this.command = new WorkflowPropertiesModifiedAttributes(memo);
        this.sink = sink;
    }

    /**
     * Records the upsert, or matches it against the history.
     *
     * @return the values that hold: the code's when new, the recorded ones in replay
     */
    public Payload upsert() {
        fire(sink.peekRecorded() == null ? Event.RECORD : Event.MATCH_RECORDED, null);
        return applied;
    }

    private void record() {
        sink.add(command);
        applied = command.memo();
    }

    private void readBack() {
        EventAttributes recorded = sink.add(command);
        applied = recorded == null ? command.memo() : ((WorkflowPropertiesModifiedAttributes) recorded).memo();
    }
}
