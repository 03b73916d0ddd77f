package dev.hourglass.common;

import java.time.OffsetDateTime;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The type of a search attribute's value: what the service indexes it as, and the Java type of its value.
 *
 * <p>The {@link #jsonName() JSON names} are written in histories ({@code docs/history-format.md}), so they never
 * change.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum SearchAttributeType {

    /** A string matched as a whole (an id, a status, a customer number); a {@link String}. */
    KEYWORD("Keyword", String.class),
    /** Free text; a {@link String}, matched as a whole by equality filters. */
    TEXT("Text", String.class),
    /** A whole number; a {@link Long}. */
    LONG("Long", Long.class),
    /** A floating-point number; a {@link Double}. */
    DOUBLE("Double", Double.class),
    /** A flag; a {@link Boolean}. */
    BOOLEAN("Bool", Boolean.class),
    /** An instant with its offset; an {@link OffsetDateTime}, compared as an instant. */
    DATETIME("Datetime", OffsetDateTime.class),
    /** A list of keywords (tags); a {@code List<String>}, which an equality filter matches when it contains the value. */
    KEYWORD_LIST("KeywordList", List.class);

    private final String jsonName;
    private final Class<?> valueClass;

    SearchAttributeType(String jsonName, Class<?> valueClass) {
        this.jsonName = jsonName;
        this.valueClass = valueClass;
    }

    /**
     * Returns the name of this type in history JSON and on the command line, such as {@code "Keyword"}.
     *
     * @return the name; never {@code null}
     */
    public String jsonName() {
        return jsonName;
    }

    /**
     * Returns the Java class of values of this type.
     *
     * @return the class; never {@code null}
     */
    public Class<?> valueClass() {
        return valueClass;
    }

    /**
     * Returns the type of a JSON name.
     *
     * @param jsonName a name as {@link #jsonName()} returns it
     * @return the type; never {@code null}
     * @throws IllegalArgumentException if no type has that name
     */
    public static SearchAttributeType fromJsonName(String jsonName) {
        for (SearchAttributeType type : values()) {
            if (type.jsonName.equals(jsonName)) {
                return type;
            }
        }
        StringBuilder names = new StringBuilder();
        for (SearchAttributeType type : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(type.jsonName);
        }
        throw new IllegalArgumentException("unknown search attribute type \"" + jsonName + "\"; expected one of "
                + names);
    }
}
