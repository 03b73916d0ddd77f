package dev.hourglass.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * An immutable set of search attributes: typed values, at most one per name, in name order.
 *
 * <pre>{@code
 * SearchAttributes attributes = SearchAttributes.newBuilder()
 *     .set(CUSTOMER, "c-42")
 *     .set(AMOUNT, 1250L)
 *     .build();
 * String customer = attributes.get(CUSTOMER);
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SearchAttributes {

    /** No search attributes. */
    public static final SearchAttributes EMPTY = new SearchAttributes(new TreeMap<>());

    /** Name → entry, in name order. */
    private final Map<String, Entry> entries;

    private SearchAttributes(TreeMap<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** One attribute: its key and its value. */
    private record Entry(SearchAttributeKey<?> key, Object value) {
    }

    /**
     * Returns a builder of an empty set.
     *
     * @return a new builder; never {@code null}
     */
    public static Builder newBuilder() {
        return new Builder(EMPTY);
    }

    /**
     * Returns a builder that starts from these attributes.
     *
     * @return a new builder; never {@code null}
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns the value of {@code key}.
     *
     * @param key the key
     * @param <T> the value type
     * @return the value, or {@code null} if the set has no attribute of that name and type
     */
    @SuppressWarnings("unchecked")
    public <T> T get(SearchAttributeKey<T> key) {
        Entry entry = entries.get(key.getName());
        return entry != null && entry.key.equals(key) ? (T) entry.value : null;
    }

    /**
     * Returns whether the set has an attribute of {@code key}'s name and type.
     *
     * @param key the key
     * @return whether it has a value
     */
    public boolean containsKey(SearchAttributeKey<?> key) {
        Entry entry = entries.get(key.getName());
        return entry != null && entry.key.equals(key);
    }

    /**
     * Returns the number of attributes.
     *
     * @return the size
     */
    public int size() {
        return entries.size();
    }

    /**
     * Returns whether the set is empty.
     *
     * @return {@code true} when it has no attribute
     */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Returns every attribute, key to value, in name order; for code that reads attributes whose keys it does not
     * know at compile time.
     *
     * @return an unmodifiable map; never {@code null}
     */
    public Map<SearchAttributeKey<?>, Object> getUntypedValues() {
        Map<SearchAttributeKey<?>, Object> values = new LinkedHashMap<>();
        entries.values().forEach(entry -> values.put(entry.key, entry.value));
        return Collections.unmodifiableMap(values);
    }

    /**
     * Returns these attributes with {@code updates} applied, in order.
     *
     * @param updates the updates
     * @return the new set; never {@code null}
     * @throws IllegalArgumentException if an update sets a name that these attributes have with another type
     */
    public SearchAttributes withUpdates(Iterable<? extends SearchAttributeUpdate<?>> updates) {
        Builder builder = toBuilder();
        for (SearchAttributeUpdate<?> update : updates) {
            builder.apply(update);
        }
        return builder.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchAttributes other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        entries.values().forEach(entry -> text.append(text.length() == 1 ? "" : ", ")
                .append(entry.key.getName()).append('=').append(entry.value));
        return text.append('}').toString();
    }

    /** Builds {@link SearchAttributes}; not thread-safe. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final TreeMap<String, Entry> entries;

        private Builder(SearchAttributes from) {
            this.entries = new TreeMap<>(from.entries);
        }

        /**
         * Sets the value of {@code key}, replacing the value the name had.
         *
         * @param key the key
         * @param value the value; never {@code null} (use {@link #unset} to remove one)
         * @param <T> the value type
         * @return this builder
         * @throws IllegalArgumentException if the value is {@code null} or not of the key's type, or if the set has
         *     the name with another type
         */
        public <T> Builder set(SearchAttributeKey<T> key, T value) {
            Objects.requireNonNull(key, "key");
            Object checked = key.checkValue(value);
            checkSameType(key);
            entries.put(key.getName(), new Entry(key, checked));
            return this;
        }

        /**
         * Removes the attribute of {@code key}'s name, if any.
         *
         * @param key the key
         * @return this builder
         * @throws IllegalArgumentException if the set has the name with another type
         */
        public Builder unset(SearchAttributeKey<?> key) {
            Objects.requireNonNull(key, "key");
            checkSameType(key);
            entries.remove(key.getName());
            return this;
        }

        /**
         * Applies one update: a set or an unset.
         *
         * @param update the update
         * @return this builder
         * @throws IllegalArgumentException if the set has the update's name with another type
         */
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Builder apply(SearchAttributeUpdate<?> update) {
            if (update.getValue().isPresent()) {
                return set((SearchAttributeKey) update.getKey(), update.getValue().get());
            }
            return unset(update.getKey());
        }

        /**
         * Returns the immutable set.
         *
         * @return the set; never {@code null}
         */
        public SearchAttributes build() {
            return entries.isEmpty() ? EMPTY : new SearchAttributes(new TreeMap<>(entries));
        }

        private void checkSameType(SearchAttributeKey<?> key) {
            Entry present = entries.get(key.getName());
            if (present != null && present.key.getValueType() != key.getValueType()) {
                throw new IllegalArgumentException("search attribute " + key.getName() + " is already of type "
                        + present.key.getValueType().jsonName() + " and cannot also be of type "
                        + key.getValueType().jsonName() + "; use one type per name (or another name)");
            }
        }
    }
}
