package dev.hourglass.cli.ui;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.ExecutionPage;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowExecutionMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * One page of the list's runs, newest first, read from the store a page at a time through page tokens, with the
 * tokens of the pages on either side: {@code older}, a token of a newest-first listing, reads the runs older than its
 * position; {@code newer}, a token of an oldest-first one, the runs newer than its position. A token marks a run's
 * position whatever the order it came from, so each page finds the tokens of both its neighbours with a listing of
 * one run from its own token.
 *
 * @param runs the runs of the page, newest first; never {@code null}
 * @param first whether this is the first page, of the newest runs
 * @param olderToken the token of the page of older runs, or {@code null} if there are none
 * @param newerToken the token of the page of newer runs, or {@code null} if there are none
 */
record RunWindow(List<WorkflowExecutionMetadata> runs, boolean first, String olderToken, String newerToken) {

    /**
     * The page that {@code older} or {@code newer} (at most one of them) says, or the first page; {@code conditions}
     * gives the filter of the list (status, type, search) each time anew.
     *
     * @throws BadRequestException if a token is not one of a listing of runs
     */
    static RunWindow read(WorkflowClient client, Supplier<ExecutionFilter.Builder> conditions, int size, String older,
            String newer) {
        ExecutionFilter newestFirst = conditions.get().setNewestFirst(true).setPageSize(size).build();
        ExecutionFilter oldestFirst = conditions.get().setPageSize(size).build();
        if (newer != null) {
            ExecutionPage page = list(client, oldestFirst, newer);
            if (page.getNextPageToken().isPresent()) { // else these are the newest runs: the first page shows them
                List<WorkflowExecutionMetadata> runs = new ArrayList<>(page.getExecutions());
                Collections.reverse(runs);
                return new RunWindow(runs, false, positionOfNext(client, conditions, false, newer),
                        page.getNextPageToken().get());
            }
        } else if (older != null) {
            ExecutionPage page = list(client, newestFirst, older);
            if (!page.getExecutions().isEmpty()) { // else the runs past the token are gone: show the first page
                String newerToken = positionOfNext(client, conditions, true, older);
                if (newerToken == null) { // the page's one run is the oldest of all
                    newerToken = positionOfNext(client, conditions, false, null);
                }
                return new RunWindow(page.getExecutions(), false, page.getNextPageToken().orElse(null), newerToken);
            }
        }
        ExecutionPage page = list(client, newestFirst, null);
        return new RunWindow(page.getExecutions(), true, page.getNextPageToken().orElse(null), null);
    }

    /**
     * The token of the position of the first run that the list's filter, in the order asked, lists from {@code token}: the token of a page of
     * that run alone; {@code null} if no run follows it.
     */
    private static String positionOfNext(WorkflowClient client, Supplier<ExecutionFilter.Builder> conditions,
            boolean newestFirst, String token) {
        ExecutionFilter oneRun = conditions.get().setNewestFirst(newestFirst).setPageSize(1).build();
        return list(client, oneRun, token).getNextPageToken().orElse(null);
    }

    private static ExecutionPage list(WorkflowClient client, ExecutionFilter filter, String token) {
        try {
            return client.listExecutionsPage(filter, token);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("this link to a page of runs is not valid (" + e.getMessage()
                    + "): open the list from its first page");
        }
    }
}
