package dev.hourglass.internal.spi;

import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import java.util.Objects;

/**
 * A decision of workflow code, recorded as the history event with these attributes.
 *
 * @param attributes the attributes of a command event type ({@link EventType#isCommand()}); never {@code null}
 */
public record Command(EventAttributes attributes) {

    /** Checks that the attributes are those of a command. */
    public Command {
        Objects.requireNonNull(attributes, "attributes");
        if (!attributes.eventType().isCommand()) {
            throw new IllegalArgumentException(attributes.eventType() + " is not a command event type");
        }
    }

    /** The type of the event the command is recorded as. */
    public EventType eventType() {
        return attributes.eventType();
    }
}
