package dev.hourglass.common;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The name and value type of a search attribute: an indexed value of a workflow execution that
 * {@code WorkflowClient.listExecutions} can filter on.
 *
 * <p>Declare a key once, as a constant shared by the code that sets the attribute and the code that searches:
 *
 * <pre>{@code
 * static final SearchAttributeKey<String> CUSTOMER = SearchAttributeKey.forKeyword("CustomerId");
 * static final SearchAttributeKey<Long> AMOUNT = SearchAttributeKey.forLong("AmountCents");
 * }</pre>
 *
 * <p>A name is 1 to {@value #MAX_NAME_LENGTH} letters ({@code A-Z}, {@code a-z}), digits and underscores. Two keys
 * are equal when their names and types are; one execution may not use a name with two types.
 *
 * @param <T> the Java type of the attribute's values
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SearchAttributeKey<T> {

    /** The longest name a key may have. */
    public static final int MAX_NAME_LENGTH = 128;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

    private final String name;
    private final SearchAttributeType type;

    private SearchAttributeKey(String name, SearchAttributeType type) {
        this.name = checkName(name);
        this.type = type;
    }

    /**
     * Returns a key of a string matched as a whole.
     *
     * @param name the attribute name
     * @return the key; never {@code null}
     * @throws IllegalArgumentException if the name is not 1 to {@value #MAX_NAME_LENGTH} letters, digits and
     *     underscores
     */
    public static SearchAttributeKey<String> forKeyword(String name) {
        return new SearchAttributeKey<>(name, SearchAttributeType.KEYWORD);
    }

    /**
     * Returns a key of free text.
     *
     * @param name the attribute name
     * @return the key; never {@code null}
     * @throws IllegalArgumentException if the name is not valid
     */
    public static SearchAttributeKey<String> forText(String name) {
        return new SearchAttributeKey<>(name, SearchAttributeType.TEXT);
    }

    /**
     * Returns a key of a whole number.
     *
     * @param name the attribute name
     * @return the key; never {@code null}
     * @throws IllegalArgumentException if the name is not valid
     */
    public static SearchAttributeKey<Long> forLong(String name) {
        return new SearchAttributeKey<>(name, SearchAttributeType.LONG);
    }

    /**
     * Returns a key of a floating-point number.
     *
     * @param name the attribute name
     * @return the key; never {@code null}
     * @throws IllegalArgumentException if the name is not valid
     */
    public static SearchAttributeKey<Double> forDouble(String name) {
        return new SearchAttributeKey<>(name, SearchAttributeType.DOUBLE);
    }

    /**
     * Returns a key of a flag.
     *
     * @param name the attribute name
     * @return the key; never {@code null}
     * @throws IllegalArgumentException if the name is not valid
     */
    public static SearchAttributeKey<Boolean> forBoolean(String name) {
        return new SearchAttributeKey<>(name, SearchAttributeType.BOOLEAN);
    }

    /**
     * Returns a key of a date and time.
     *
     * @param name the attribute name
     * @return the key; never {@code null}
     * @throws IllegalArgumentException if the name is not valid
     */
    public static SearchAttributeKey<OffsetDateTime> forOffsetDateTime(String name) {
        return new SearchAttributeKey<>(name, SearchAttributeType.DATETIME);
    }

    /**
     * Returns a key of a list of keywords, which an equality filter matches when the list contains the value.
     *
     * @param name the attribute name
     * @return the key; never {@code null}
     * @throws IllegalArgumentException if the name is not valid
     */
    public static SearchAttributeKey<List<String>> forKeywordList(String name) {
        return new SearchAttributeKey<>(name, SearchAttributeType.KEYWORD_LIST);
    }

    /**
     * Returns the key of a name and a type, untyped; for tools that read types at run time.
     *
     * @param name the attribute name
     * @param type the value type
     * @return the key; never {@code null}
     * @throws IllegalArgumentException if the name is not valid
     */
    public static SearchAttributeKey<?> of(String name, SearchAttributeType type) {
        return new SearchAttributeKey<>(name, Objects.requireNonNull(type, "type"));
    }

    /**
     * Returns the attribute name.
     *
     * @return the name; never {@code null}
     */
    public String getName() {
        return name;
    }

    /**
     * Returns the type of the attribute's values.
     *
     * @return the type; never {@code null}
     */
    public SearchAttributeType getValueType() {
        return type;
    }

    /**
     * Checks that {@code value} is a value of this key, and returns it as one (a keyword list as an unmodifiable
     * copy, {@code -0.0} as {@code 0.0}).
     *
     * @param value the value
     * @return the value; never {@code null}
     * @throws IllegalArgumentException if the value is {@code null} or not of this key's type
     */
    @SuppressWarnings("unchecked")
    public T checkValue(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("search attribute " + name + " (" + type.jsonName()
                    + ") needs a value, not null; to remove it use SearchAttributeUpdate.valueUnset");
        }
        if (!type.valueClass().isInstance(value)) {
            throw new IllegalArgumentException("search attribute " + name + " is of type " + type.jsonName()
                    + " and takes a " + type.valueClass().getSimpleName() + ", not a "
                    + value.getClass().getSimpleName());
        }
        if (type == SearchAttributeType.DOUBLE) {
            if (!Double.isFinite((Double) value)) {
                throw new IllegalArgumentException("search attribute " + name + " takes a finite number, not "
                        + value);
            }
            if ((Double) value == 0.0) {
                return (T) Double.valueOf(0.0); // -0.0 too: the indexes know one zero
            }
        }
        if (type == SearchAttributeType.KEYWORD_LIST) {
            for (Object element : (List<?>) value) {
                if (!(element instanceof String)) {
                    throw new IllegalArgumentException("search attribute " + name + " is a keyword list and takes"
                            + " strings only, not " + (element == null ? "null" : element.getClass().getSimpleName()));
                }
            }
            return (T) List.copyOf((List<?>) value);
        }
        return (T) value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchAttributeKey<?> other && name.equals(other.name) && type == other.type;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + type.hashCode();
    }

    @Override
    public String toString() {
        return name + " (" + type.jsonName() + ")";
    }

    private static String checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("search attribute name " + (name == null ? "null" : "\"" + name + "\"")
                    + " is not valid: a name is 1 to " + MAX_NAME_LENGTH + " letters (A-Z, a-z), digits and"
                    + " underscores, such as \"CustomerId\"");
        }
        return name;
    }
}
