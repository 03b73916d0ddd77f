package dev.hourglass.internal.spi;

import dev.hourglass.client.WorkflowExecutionMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Objects;

/**
 * The position in a listing of runs after which the next page starts: the sort key (start time, workflow id,
 * run id) of the last run of the previous page. Paging by key rather than by offset keeps a page from repeating
 * or skipping runs when runs start meanwhile; a store reads the next page with
 * {@code WHERE (start_time, workflow_id, run_id) > (?, ?, ?) ORDER BY start_time, workflow_id, run_id LIMIT n},
 * and newest first the same with {@code <} and {@code DESC}. A token is a position, not a direction: a listing in
 * either order continues from it in its own order.
 *
 * <p>Clients see it as an opaque string ({@link #encode()}).
 *
 * @param startTime the start time of the last run of the previous page; never {@code null}
 * @param workflowId its workflow id; never {@code null}
 * @param runId its run id; never {@code null}
 */
public record ExecutionPageToken(Instant startTime, String workflowId, String runId) {

    /** The listing order: start time, then workflow id, then run id, each in natural (string) order. */
    public static final Comparator<WorkflowExecutionMetadata> ORDER = Comparator
            .comparing(WorkflowExecutionMetadata::getStartTime)
            .thenComparing(m -> m.getExecution().getWorkflowId())
            .thenComparing(m -> m.getExecution().getRunId());

    /** The newest-first order: {@link #ORDER} reversed. */
    public static final Comparator<WorkflowExecutionMetadata> NEWEST_FIRST = ORDER.reversed();

    /** Checks the parts. */
    public ExecutionPageToken {
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(runId, "runId");
    }

    /** The token after {@code last}. */
    public static ExecutionPageToken after(WorkflowExecutionMetadata last) {
        return new ExecutionPageToken(last.getStartTime(), last.getExecution().getWorkflowId(),
                last.getExecution().getRunId());
    }

    /** The listing order oldest first ({@link #ORDER}) or newest first ({@link #NEWEST_FIRST}). */
    public static Comparator<WorkflowExecutionMetadata> order(boolean newestFirst) {
        return newestFirst ? NEWEST_FIRST : ORDER;
    }

    /** Whether {@code metadata} comes after this position in the listing order oldest or newest first. */
    public boolean precedes(WorkflowExecutionMetadata metadata, boolean newestFirst) {
        return newestFirst ? compareTo(metadata) < 0 : compareTo(metadata) > 0;
    }

    /** Where {@code metadata} is against this position in {@link #ORDER}: negative before it, positive after. */
    private int compareTo(WorkflowExecutionMetadata metadata) {
        int order = metadata.getStartTime().compareTo(startTime);
        if (order == 0) {
            order = metadata.getExecution().getWorkflowId().compareTo(workflowId);
        }
        if (order == 0) {
            order = metadata.getExecution().getRunId().compareTo(runId);
        }
        return order;
    }

    /** The token as an opaque URL-safe string. */
    public String encode() {
        String plain = startTime.getEpochSecond() + ":" + startTime.getNano() + ":" + workflowId.length() + ":"
                + workflowId + runId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a token written by {@link #encode()}.
     *
     * @throws IllegalArgumentException if {@code token} is not one, naming it
     */
    public static ExecutionPageToken decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int first = plain.indexOf(':');
            int second = plain.indexOf(':', first + 1);
            int third = plain.indexOf(':', second + 1);
            long seconds = Long.parseLong(plain.substring(0, first));
            int nanos = Integer.parseInt(plain.substring(first + 1, second));
            int idLength = Integer.parseInt(plain.substring(second + 1, third));
            String rest = plain.substring(third + 1);
            String runId = rest.substring(idLength);
            if (runId.isEmpty()) {
                throw new IllegalArgumentException("no run id");
            }
            return new ExecutionPageToken(Instant.ofEpochSecond(seconds, nanos), rest.substring(0, idLength), runId);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + token + "' is not a page token of a listing of executions: pass"
                    + " null for the first page, then the token of ExecutionPage.getNextPageToken() unchanged", e);
        }
    }
}
