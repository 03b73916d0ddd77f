package dev.hourglass.client;

import dev.hourglass.common.SearchAttributeKey;
import dev.hourglass.common.SearchAttributeType;
import dev.hourglass.common.SearchAttributes;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One condition of an {@link ExecutionFilter} on a search attribute: equality (for a keyword list, containment),
 * or a range of a number or date and time. A run whose search attributes lack the key, or have its name with
 * another type, never matches.
 *
 * <p>Build conditions through {@link ExecutionFilter.Builder#setSearchAttribute} and
 * {@link ExecutionFilter.Builder#setSearchAttributeRange}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SearchAttributeCondition {

    /** How a condition compares. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public enum Operator {
        /** The value equals the condition's; a keyword list contains every keyword of the condition's. */
        EQUALS,
        /** The value lies in the range: at least {@code from} (if set) and at most {@code to} (if set). */
        RANGE
    }

    private final SearchAttributeKey<?> key;
    private final Operator operator;
    private final Object value;
    private final Object from;
    private final Object to;

    private SearchAttributeCondition(SearchAttributeKey<?> key, Operator operator, Object value, Object from,
            Object to) {
        this.key = Objects.requireNonNull(key, "key");
        this.operator = operator;
        this.value = value;
        this.from = from;
        this.to = to;
    }

    static <T> SearchAttributeCondition equalTo(SearchAttributeKey<T> key, T value) {
        return new SearchAttributeCondition(key, Operator.EQUALS, key.checkValue(value), null, null);
    }

    static <T extends Comparable<? super T>> SearchAttributeCondition range(SearchAttributeKey<T> key, T from, T to) {
        SearchAttributeType type = key.getValueType();
        if (type != SearchAttributeType.LONG && type != SearchAttributeType.DOUBLE
                && type != SearchAttributeType.DATETIME) {
            throw new IllegalArgumentException("search attribute " + key + " has no order: ranges are for Long, Double"
                    + " and Datetime attributes; filter a " + type.jsonName() + " by equality (setSearchAttribute)");
        }
        if (from == null && to == null) {
            throw new IllegalArgumentException("a range of search attribute " + key.getName()
                    + " needs a lower or an upper bound (or both), got neither");
        }
        T checkedFrom = from == null ? null : key.checkValue(from);
        T checkedTo = to == null ? null : key.checkValue(to);
        if (checkedFrom != null && checkedTo != null && compare(type, checkedFrom, checkedTo) > 0) {
            throw new IllegalArgumentException("the range of search attribute " + key.getName() + " is empty: from "
                    + from + " is after to " + to + " (both inclusive)");
        }
        return new SearchAttributeCondition(key, Operator.RANGE, null, checkedFrom, checkedTo);
    }

    /**
     * Returns the key the condition is about.
     *
     * @return the key; never {@code null}
     */
    public SearchAttributeKey<?> getKey() {
        return key;
    }

    /**
     * Returns how the condition compares.
     *
     * @return the operator; never {@code null}
     */
    public Operator getOperator() {
        return operator;
    }

    /**
     * Returns the value an {@link Operator#EQUALS} condition compares with.
     *
     * @return the value (a {@code List<String>} for a keyword list), or empty for a range; never {@code null}
     */
    public Optional<Object> getValue() {
        return Optional.ofNullable(value);
    }

    /**
     * Returns the inclusive lower bound of a range.
     *
     * @return the bound, or empty for none; never {@code null}
     */
    public Optional<Object> getFrom() {
        return Optional.ofNullable(from);
    }

    /**
     * Returns the inclusive upper bound of a range.
     *
     * @return the bound, or empty for none; never {@code null}
     */
    public Optional<Object> getTo() {
        return Optional.ofNullable(to);
    }

    /**
     * Returns whether a run with {@code attributes} meets the condition.
     *
     * @param attributes the run's search attributes
     * @return whether it matches
     */
    public boolean matches(SearchAttributes attributes) {
        Object actual = attributes.get(key);
        if (actual == null) {
            return false;
        }
        SearchAttributeType type = key.getValueType();
        if (operator == Operator.EQUALS) {
            if (type == SearchAttributeType.KEYWORD_LIST) {
                return ((List<?>) actual).containsAll((List<?>) value);
            }
            return type == SearchAttributeType.DATETIME ? compare(type, actual, value) == 0 : actual.equals(value);
        }
        return (from == null || compare(type, actual, from) >= 0) && (to == null || compare(type, actual, to) <= 0);
    }

    private static int compare(SearchAttributeType type, Object a, Object b) {
        if (type == SearchAttributeType.DATETIME) {
            return ((OffsetDateTime) a).toInstant().compareTo(((OffsetDateTime) b).toInstant());
        }
        if (type == SearchAttributeType.DOUBLE) {
            return Double.compare((Double) a, (Double) b);
        }
        return Long.compare((Long) a, (Long) b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchAttributeCondition other && key.equals(other.key) && operator == other.operator
                && Objects.equals(value, other.value) && Objects.equals(from, other.from)
                && Objects.equals(to, other.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, operator, value, from, to);
    }

    @Override
    public String toString() {
        return operator == Operator.EQUALS ? key.getName() + (value instanceof List ? " contains " : " = ") + value
                : key.getName() + " in [" + (from == null ? "" : from) + ", " + (to == null ? "" : to) + "]";
    }
}
