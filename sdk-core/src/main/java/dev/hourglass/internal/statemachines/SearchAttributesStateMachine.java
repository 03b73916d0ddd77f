package dev.hourglass.internal.statemachines;

import dev.hourglass.common.SearchAttributeUpdate;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.UpsertWorkflowSearchAttributesAttributes;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One upsert of search attributes: a command that nothing answers, recorded once. Past the recorded commands it is
 * new and records the code's updates; in replay it matches the recorded upsert (the same attribute names; changed
 * values are a warning) and takes the recorded updates, so that the run's search attributes are those of its
 * history.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SearchAttributesStateMachine extends StateMachine<SearchAttributesStateMachine,
        SearchAttributesStateMachine.State, SearchAttributesStateMachine.Event> {

    /** States of an upsert. */
    public enum State { CREATED, RECORDED, REPLAYED }

    /** Events that move an upsert. */
    public enum Event { RECORD, MATCH_RECORDED }

    /** The transitions, in one place. */
    public static final StateMachineDefinition<SearchAttributesStateMachine, State, Event> DEFINITION =
            StateMachineDefinition.<SearchAttributesStateMachine, State, Event>of("SearchAttributesStateMachine",
                            State.class, Event.class)
                    .add(State.CREATED, Event.RECORD, State.RECORDED, (m, input) -> m.record())
                    .add(State.CREATED, Event.MATCH_RECORDED, State.REPLAYED, (m, input) -> m.readBack());

    private final UpsertWorkflowSearchAttributesAttributes command;
    private final CommandSink sink;
    private List<SearchAttributeUpdate<?>> applied;

    /**
     * An upsert of {@code updates}.
     *
     * @param updates the code's updates, in order
     * @param sink where the command goes
     */
    public SearchAttributesStateMachine(List<SearchAttributeUpdate<?>> updates, CommandSink sink) {
        super(DEFINITION, State.CREATED);
        this.command = new UpsertWorkflowSearchAttributesAttributes(updates);
        this.sink = sink;
    }

    /**
     * Records the upsert, or matches it against the history.
     *
     * @return the updates that hold: the code's when new, the recorded ones in replay
     */
    public List<SearchAttributeUpdate<?>> upsert() {
        fire(sink.peekRecorded() == null ? Event.RECORD : Event.MATCH_RECORDED, null);
        return applied;
    }

    private void record() {
        sink.add(command);
        applied = command.searchAttributes();
    }

    private void readBack() {
        EventAttributes recorded = sink.add(command);
        applied = recorded == null ? command.searchAttributes()
                : ((UpsertWorkflowSearchAttributesAttributes) recorded).searchAttributes();
    }
}
