package dev.hourglass.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One page of a listing of runs: at most the filter's page size, ordered by start time, then workflow id, then
 * run id, and the token of the next page.
 *
 * <pre>{@code
 * String token = null;
 * do {
 *     ExecutionPage page = client.listExecutionsPage(filter, token);
 *     page.getExecutions().forEach(run -> System.out.println(run.getExecution()));
 *     token = page.getNextPageToken().orElse(null);
 * } while (token != null);
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ExecutionPage {

    private final List<WorkflowExecutionMetadata> executions;
    private final String nextPageToken;

    /**
     * Creates a page.
     *
     * @param executions the runs of this page, in listing order; never {@code null}
     * @param nextPageToken the token of the next page, or {@code null} if this is the last one
     * @throws NullPointerException if {@code executions} is {@code null}
     */
    public ExecutionPage(List<WorkflowExecutionMetadata> executions, String nextPageToken) {
        this.executions = List.copyOf(Objects.requireNonNull(executions, "executions"));
        this.nextPageToken = nextPageToken;
    }

    /**
     * Returns the runs of this page, ordered by start time, then workflow id, then run id.
     *
     * @return an unmodifiable list; never {@code null}
     */
    public List<WorkflowExecutionMetadata> getExecutions() {
        return executions;
    }

    /**
     * Returns the opaque token that asks for the next page; it stays valid while runs are added.
     *
     * @return the token, or empty if this is the last page; never {@code null}
     */
    public Optional<String> getNextPageToken() {
        return Optional.ofNullable(nextPageToken);
    }

    /**
     * Tells whether another page follows.
     *
     * @return {@code true} if {@link #getNextPageToken()} has a token
     */
    public boolean hasNext() {
        return nextPageToken != null;
    }

    @Override
    public String toString() {
        return "ExecutionPage{" + executions.size() + " executions, nextPageToken=" + nextPageToken + '}';
    }
}
