package dev.hourglass.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.history.EventType;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A decision of workflow code, recorded as the history event of the same type and attributes.
 *
 * @param eventType the command's event type; {@link EventType#isCommand()} is true for it
 * @param attributes the event attributes; ownership passes to the command
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Command(EventType eventType, ObjectNode attributes) {

    /** Checks that the type is a command type. */
    public Command {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(attributes, "attributes");
        if (!eventType.isCommand()) {
            throw new IllegalArgumentException(eventType + " is not a command event type");
        }
    }
}
