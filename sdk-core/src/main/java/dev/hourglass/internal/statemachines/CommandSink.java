package dev.hourglass.internal.statemachines;

import dev.hourglass.history.EventAttributes;
import org.apiguardian.api.API;

/**
 * Where state machines put the commands they produce. During replay each command is matched against the next
 * command recorded in the history; past the recorded ones it is new and will be recorded.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface CommandSink {

    /**
     * Takes a command the workflow code produced.
     *
     * @param command the attributes of a command event type
     * @return the attributes recorded for it when the history has them (replay), or {@code null} when the
     *     command is new
     * @throws RuntimeException a nondeterminism report (which unwinds the workflow code) when the history
     *     recorded a different command at this point
     */
    EventAttributes add(EventAttributes command);

    /** The next recorded command the code has not produced yet, or {@code null} when all are matched. */
    EventAttributes peekRecorded();
}
