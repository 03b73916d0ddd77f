package dev.hourglass.internal.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.history.HistoryEvent;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Gives the codec a {@link HistoryEvent}'s attribute object without the deep copy that the public
 * {@link HistoryEvent#getAttributes()} makes.
 *
 * <p>{@code HistoryEvent} registers its reader once, when the class is initialised; writing a long history
 * then costs no copy of its payloads. Nodes obtained here are read, never modified.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class HistoryEventAccess {

    private static volatile Function<HistoryEvent, ObjectNode> attributesReader;

    private HistoryEventAccess() {}

    /**
     * Registers how to read an event's attribute object; called once, by {@code HistoryEvent} itself.
     *
     * @param reader returns the event's own attribute object; never {@code null}
     * @throws IllegalStateException if a reader is already registered
     */
    public static synchronized void setAttributesReader(Function<HistoryEvent, ObjectNode> reader) {
        Objects.requireNonNull(reader, "reader");
        if (attributesReader != null) {
            throw new IllegalStateException("the HistoryEvent attributes reader is already registered");
        }
        attributesReader = reader;
    }

    /** Returns the event's own attribute object, which the caller must not modify. */
    static ObjectNode attributes(HistoryEvent event) {
        // An instance exists, so HistoryEvent is initialised and has registered its reader.
        return attributesReader.apply(event);
    }
}
