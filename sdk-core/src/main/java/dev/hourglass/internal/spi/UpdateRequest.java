package dev.hourglass.internal.spi;

import dev.hourglass.history.Payload;
import java.util.Objects;

/**
 * An update sent to a run, as the service keeps it until a workflow task accepts or rejects it.
 *
 * @param updateId the update's id, unique within the run; {@code null} when the client gave none (the service
 *     assigns one)
 * @param updateName the update's name; never {@code null}
 * @param input the arguments, a JSON array; never {@code null}
 * @param identity the sending client's identity, or {@code null}
 */
public record UpdateRequest(String updateId, String updateName, Payload input, String identity) {

    /** Checks that the name and the input are not {@code null}. */
    public UpdateRequest {
        Objects.requireNonNull(updateName, "updateName");
        Objects.requireNonNull(input, "input");
    }

    /** This update with the id the service assigned. */
    public UpdateRequest withUpdateId(String assigned) {
        return new UpdateRequest(Objects.requireNonNull(assigned, "assigned"), updateName, input, identity);
    }
}
