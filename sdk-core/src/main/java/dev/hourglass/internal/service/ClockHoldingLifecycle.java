package dev.hourglass.internal.service;

import dev.hourglass.internal.statemachines.StateMachine;
import dev.hourglass.internal.statemachines.StateMachineDefinition;
import java.util.Set;

/**
 * A service-side lifecycle whose states say whether it is work in progress, which keeps a virtual clock from
 * moving: a run's workflow task, an activity's attempt. The service moves them only through
 * {@link InMemoryWorkflowService#transition}, the one place that keeps count of the work in progress.
 *
 * @param <M> the concrete lifecycle
 * @param <S> its states
 * @param <E> its events
 */
abstract class ClockHoldingLifecycle<M extends ClockHoldingLifecycle<M, S, E>, S extends Enum<S>, E extends Enum<E>>
        extends StateMachine<M, S, E> {

    private final Set<S> holdTheClock;

    ClockHoldingLifecycle(StateMachineDefinition<M, S, E> definition, S initial, Set<S> holdTheClock) {
        super(definition, initial);
        this.holdTheClock = holdTheClock;
    }

    /** Whether the current state is work in progress. */
    final boolean holdsClock() {
        return holdTheClock.contains(state());
    }

    /** Takes the row of {@code event}; called by the service's transition function only. */
    final void handle(E event) {
        fire(event, null);
    }
}
