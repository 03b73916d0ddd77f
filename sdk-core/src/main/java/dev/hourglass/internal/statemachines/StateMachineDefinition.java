package dev.hourglass.internal.statemachines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apiguardian.api.API;

/**
 * The transition table of one kind of state machine, declared in one place and in insertion order: each row
 * says from which state, on which event, to which state, and what the machine does on the way (its action:
 * emit a command, complete a promise, nothing at all).
 *
 * <p>Each definition also remembers which rows were ever taken in this JVM, so that the test suite can report
 * the rows that none of its executions took.
 *
 * @param <M> the machine the actions run on
 * @param <S> the states
 * @param <E> the events
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class StateMachineDefinition<M, S extends Enum<S>, E extends Enum<E>> {

    /** Every definition created in this JVM, in creation order, for coverage reports. */
    private static final List<StateMachineDefinition<?, ?, ?>> ALL = new CopyOnWriteArrayList<>();

    /** What a machine does when it takes a row; {@code input} is what the event carried, if anything. */
    @FunctionalInterface
    public interface Action<M> {
        void run(M machine, Object input);
    }

    /** One declared transition. */
    public record Transition<S, E>(S from, E event, S to) {
        @Override
        public String toString() {
            return from + " --" + event + "--> " + to;
        }
    }

    /** A row of the table: the transition and its action. */
    public static final class Row<M, S, E> {
        private final Transition<S, E> transition;
        private final Action<M> action;

        private Row(Transition<S, E> transition, Action<M> action) {
            this.transition = transition;
            this.action = action;
        }

        public S to() {
            return transition.to();
        }

        /** Runs the row's action on {@code machine}. */
        public void run(M machine, Object input) {
            action.run(machine, input);
        }

        public Transition<S, E> transition() {
            return transition;
        }
    }

    private static final Action<Object> NOTHING = (machine, input) -> { };

    private final String name;
    private final Class<E> eventType;
    private final List<Row<M, S, E>> rows = new ArrayList<>();
    /** Row per state: the declaration index of the row taken on each event. */
    private final Map<S, Map<E, Integer>> table;
    /**
     * Which rows were taken, by declaration index. Set under {@code this} lock; read without it first, so that
     * a row already seen costs no lock (a stale {@code false} only takes the lock).
     */
    private boolean[] taken = new boolean[0];

    private StateMachineDefinition(String name, Class<S> stateType, Class<E> eventType) {
        this.name = name;
        this.eventType = eventType;
        this.table = new EnumMap<>(stateType);
    }

    /** Starts a table for the machine called {@code name}. */
    public static <M, S extends Enum<S>, E extends Enum<E>> StateMachineDefinition<M, S, E> of(String name,
            Class<S> stateType, Class<E> eventType) {
        StateMachineDefinition<M, S, E> definition = new StateMachineDefinition<>(name, stateType, eventType);
        ALL.add(definition);
        return definition;
    }

    /** Every definition created in this JVM so far, in creation order. */
    public static List<StateMachineDefinition<?, ?, ?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** Declares {@code from --event--> to} with no action. */
    public StateMachineDefinition<M, S, E> add(S from, E event, S to) {
        return add(from, event, to, null);
    }

    /** Declares {@code from --event--> to} that runs {@code action}; a pair declared twice is a programming error. */
    @SuppressWarnings("unchecked")
    public StateMachineDefinition<M, S, E> add(S from, E event, S to, Action<M> action) {
        Map<E, Integer> row = table.computeIfAbsent(from, s -> new EnumMap<>(eventType));
        if (row.containsKey(event)) {
            throw new IllegalStateException(name + ": transition from " + from + " on " + event + " declared twice");
        }
        synchronized (this) {
            row.put(event, rows.size());
            rows.add(new Row<>(new Transition<>(from, event, to), action != null ? action : (Action<M>) NOTHING));
            taken = Arrays.copyOf(taken, rows.size());
        }
        return this;
    }

    /** The row taken on {@code event} in state {@code from}, marked as taken; or an exception naming both. */
    public Row<M, S, E> row(S from, E event) {
        Map<E, Integer> row = table.get(from);
        Integer index = row == null ? null : row.get(event);
        if (index == null) {
            throw new IllegalTransitionException(name, from, event, String.valueOf(transitionsFrom(from)));
        }
        if (!taken[index]) {
            synchronized (this) {
                taken[index] = true;
            }
        }
        return rows.get(index);
    }

    /** Returns whether the table has a row from {@code from} on {@code event}. */
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
        List<Transition<S, E>> result = new ArrayList<>(rows.size());
        for (Row<M, S, E> row : rows) {
            result.add(row.transition);
        }
        return Collections.unmodifiableList(result);
    }

    /** The declared transitions never taken in this JVM, in declaration order. */
    public List<Transition<S, E>> untakenTransitions() {
        List<Transition<S, E>> result = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < rows.size(); i++) {
                if (!taken[i]) {
                    result.add(rows.get(i).transition);
                }
            }
        }
        return result;
    }

    private List<Transition<S, E>> transitionsFrom(S from) {
        List<Transition<S, E>> result = new ArrayList<>();
        for (Row<M, S, E> row : rows) {
            if (row.transition.from() == from) {
                result.add(row.transition);
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return name + " " + transitions();
    }
}
