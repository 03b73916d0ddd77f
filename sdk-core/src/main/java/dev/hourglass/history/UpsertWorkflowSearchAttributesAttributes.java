package dev.hourglass.history;

import dev.hourglass.common.SearchAttributeUpdate;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#UpsertWorkflowSearchAttributes}: the workflow set or removed search attributes
 * ({@code Workflow.upsertTypedSearchAttributes}).
 *
 * <p>Replay requires the code to update the same attribute names, in the same order; a changed value is a
 * warning.
 *
 * @param searchAttributes the updates, in the order the code gave them; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record UpsertWorkflowSearchAttributesAttributes(List<SearchAttributeUpdate<?>> searchAttributes)
        implements EventAttributes {

    /** Checks and copies the updates. */
    public UpsertWorkflowSearchAttributesAttributes {
        searchAttributes = List.copyOf(Objects.requireNonNull(searchAttributes, "searchAttributes"));
    }

    /**
     * Returns the names the updates are about, in order: what identifies the command in replay.
     *
     * @return the names; never {@code null}
     */
    public List<String> names() {
        return searchAttributes.stream().map(update -> update.getKey().getName()).toList();
    }

    @Override
    public EventType eventType() {
        return EventType.UpsertWorkflowSearchAttributes;
    }
}
