package dev.hourglass.internal.statemachines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The transition table of one kind of state machine, declared in one place and in insertion order.
 *
 * <p>It also remembers which transitions were ever taken in this JVM, so that a test can report the
 * transitions that no test exercised.
 *
 * @param <S> the states
 * @param <E> the events
 */
public final class StateMachineDefinition<S extends Enum<S>, E extends Enum<E>> {

    /** One declared transition. */
    public record Transition<S, E>(S from, E event, S to) {
        @Override
        public String toString() {
            return from + " --" + event + "--> " + to;
        }
    }

    private final String name;
    private final Class<S> stateType;
    private final Class<E> eventType;
    private final List<Transition<S, E>> transitions = new ArrayList<>();
    /** Row per state: the declaration index of the transition on each event. */
    private final Map<S, Map<E, Integer>> table;
    /**
     * Which declared transitions were taken, by declaration index. Set under {@code this} lock; read without
     * it first, so that a transition already seen costs no lock (a stale {@code false} only takes the lock).
     */
    private boolean[] exercised = new boolean[0];

    private StateMachineDefinition(String name, Class<S> stateType, Class<E> eventType) {
        this.name = name;
        this.stateType = stateType;
        this.eventType = eventType;
        this.table = new EnumMap<>(stateType);
    }

    /** Starts a table for the machine called {@code name}. */
    public static <S extends Enum<S>, E extends Enum<E>> StateMachineDefinition<S, E> of(String name,
            Class<S> stateType, Class<E> eventType) {
        return new StateMachineDefinition<>(name, stateType, eventType);
    }

    /** Declares {@code from --event--> to}; a pair declared twice is a programming error. */
    public StateMachineDefinition<S, E> add(S from, E event, S to) {
        Map<E, Integer> row = table.computeIfAbsent(from, s -> new EnumMap<>(eventType));
        if (row.containsKey(event)) {
            throw new IllegalStateException(name + ": transition from " + from + " on " + event + " declared twice");
        }
        synchronized (this) {
            row.put(event, transitions.size());
            transitions.add(new Transition<>(from, event, to));
            exercised = Arrays.copyOf(exercised, transitions.size());
        }
        return this;
    }

    /** Returns the state after {@code event} in state {@code from}, or throws naming both. */
    public S next(S from, E event) {
        Map<E, Integer> row = table.get(from);
        Integer index = row == null ? null : row.get(event);
        if (index == null) {
            throw new IllegalStateException(name + ": no transition from " + from + " on " + event
                    + "; declared: " + transitionsFrom(from));
        }
        if (!exercised[index]) {
            synchronized (this) {
                exercised[index] = true;
            }
        }
        return transitions.get(index).to();
    }

    /** Returns whether the table has a transition from {@code from} on {@code event}. */
    public boolean accepts(S from, E event) {
        Map<E, Integer> row = table.get(from);
        return row != null && row.containsKey(event);
    }

    /** The machine's name. */
    public String name() {
        return name;
    }

    /** Every declared transition, in declaration order. */
    public List<Transition<S, E>> transitions() {
        return Collections.unmodifiableList(transitions);
    }

    /** The declared transitions never taken in this JVM, in declaration order. */
    public List<Transition<S, E>> unexercisedTransitions() {
        List<Transition<S, E>> result = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < transitions.size(); i++) {
                if (!exercised[i]) {
                    result.add(transitions.get(i));
                }
            }
        }
        return result;
    }

    private List<Transition<S, E>> transitionsFrom(S from) {
        List<Transition<S, E>> result = new ArrayList<>();
        for (Transition<S, E> t : transitions) {
            if (t.from() == from) {
                result.add(t);
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return name + " " + stateType.getSimpleName() + " " + transitions;
    }
}
