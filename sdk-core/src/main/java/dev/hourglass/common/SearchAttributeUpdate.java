package dev.hourglass.common;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A change to one search attribute: a new value, or its removal. Workflow code passes updates to
 * {@code Workflow.upsertTypedSearchAttributes}.
 *
 * <pre>{@code
 * Workflow.upsertTypedSearchAttributes(
 *     SearchAttributeUpdate.valueSet(STAGE, "shipped"),
 *     SearchAttributeUpdate.valueUnset(HOLD_REASON));
 * }</pre>
 *
 * @param <T> the value type of the key
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SearchAttributeUpdate<T> {

    private final SearchAttributeKey<T> key;
    private final T value;

    private SearchAttributeUpdate(SearchAttributeKey<T> key, T value) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = value;
    }

    /**
     * Returns the update that sets {@code key} to {@code value}.
     *
     * @param key the key
     * @param value the value; never {@code null}
     * @param <T> the value type
     * @return the update; never {@code null}
     * @throws IllegalArgumentException if the value is {@code null} or not of the key's type
     */
    public static <T> SearchAttributeUpdate<T> valueSet(SearchAttributeKey<T> key, T value) {
        return new SearchAttributeUpdate<>(key, Objects.requireNonNull(key, "key").checkValue(value));
    }

    /**
     * Returns the update that removes the attribute of {@code key}.
     *
     * @param key the key
     * @param <T> the value type
     * @return the update; never {@code null}
     */
    public static <T> SearchAttributeUpdate<T> valueUnset(SearchAttributeKey<T> key) {
        return new SearchAttributeUpdate<>(key, null);
    }

    /**
     * Returns the key.
     *
     * @return the key; never {@code null}
     */
    public SearchAttributeKey<T> getKey() {
        return key;
    }

    /**
     * Returns the new value.
     *
     * @return the value, or empty for a removal; never {@code null}
     */
    public Optional<T> getValue() {
        return Optional.ofNullable(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchAttributeUpdate<?> other && key.equals(other.key)
                && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return key.getName() + (value == null ? " unset" : "=" + value);
    }
}
