package dev.hourglass.internal.statemachines;

import org.apiguardian.api.API;

/**
 * A machine that moves only through the rows of its {@link StateMachineDefinition}: handling an event takes
 * the row of the current state and that event, moves to its target state, then runs its action.
 *
 * @param <M> the concrete machine
 * @param <S> its states
 * @param <E> its events
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public abstract class StateMachine<M extends StateMachine<M, S, E>, S extends Enum<S>, E extends Enum<E>> {

    private final StateMachineDefinition<M, S, E> definition;
    private S state;

    protected StateMachine(StateMachineDefinition<M, S, E> definition, S initial) {
        this.definition = definition;
        this.state = initial;
    }

    /** The current state. */
    public final S state() {
        return state;
    }

    /** Whether the table has a row for {@code event} in the current state. */
    public final boolean accepts(E event) {
        return definition.accepts(state, event);
    }

    /**
     * Takes the row of the current state and {@code event}: the state changes first, so that the action (which
     * may complete promises whose callbacks come back to this machine) sees the new one.
     *
     * @throws IllegalStateException if the table has no such row
     */
    protected final void fire(E event, Object input) {
        StateMachineDefinition.Row<M, S, E> row = definition.row(state, event);
        state = row.to();
        row.run(self(), input);
    }

    @SuppressWarnings("unchecked")
    private M self() {
        return (M) this;
    }

    @Override
    public String toString() {
        return definition.name() + "[" + state + "]";
    }
}
