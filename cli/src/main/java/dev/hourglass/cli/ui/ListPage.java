package dev.hourglass.cli.ui;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.client.WorkflowExecutionStatus;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The page of workflow runs, newest first: filtered by status and type, searched by workflow id, a page at a time,
 * with the count of runs of each status.
 *
 * <p>The store does the work, so that the page costs the same on a store of millions of runs as on a small one: the
 * counts are {@link WorkflowClient#countExecutions} of each status (with the type and search asked), the runs shown
 * one {@link WorkflowClient#listExecutionsPage} newest first with the whole filter ({@link RunWindow}), the types to
 * choose from {@link WorkflowClient#listWorkflowTypes()}. A search keeps the ids that contain the text, ASCII letters
 * in any case. Pages follow each other by page tokens, not offsets: the links to the older and the newer runs carry
 * the token of their page, and the page number they carry only numbers the page for a person.
 */
final class ListPage {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final List<Integer> PAGE_SIZES = List.of(10, 20, 50, 100);
    static final int MAX_PAGE_SIZE = 500;

    private final WorkflowClient client;

    ListPage(WorkflowClient client) {
        this.client = client;
    }

    /**
     * The parameters of the page, as the query gives them: the filter, the page size, the number of the page shown,
     * and the token of the page of older runs or of newer runs it is (at most one of them; none for the first page).
     */
    record Query(WorkflowExecutionStatus status, String type, String search, int page, int size, String older,
            String newer) {

        /** The query of the request's parameters; a value that means nothing is ignored. */
        static Query of(Exchange exchange) {
            WorkflowExecutionStatus status = null;
            String statusName = exchange.query("status");
            if (statusName != null && !statusName.isBlank()) {
                try {
                    status = WorkflowExecutionStatus.valueOf(statusName.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException("no status '" + statusName + "': expected one of "
                            + List.of(WorkflowExecutionStatus.values()));
                }
            }
            String type = blankToNull(exchange.query("type"));
            String search = blankToNull(exchange.query("q"));
            int size = number(exchange.query("size"), DEFAULT_PAGE_SIZE);
            if (size < 1 || size > MAX_PAGE_SIZE) {
                throw new BadRequestException("page size " + size + " is not from 1 to " + MAX_PAGE_SIZE);
            }
            String older = blankToNull(exchange.query("older"));
            String newer = blankToNull(exchange.query("newer"));
            if (older != null && newer != null) {
                throw new BadRequestException("a page of runs is either older or newer than another, not both: pass"
                        + " 'older' or 'newer', as the links of the list do");
            }
            return new Query(status, type, search, Math.max(1, number(exchange.query("page"), 1)), size, older,
                    newer);
        }

        /** The path of this query's list, on its first page. */
        String firstPath() {
            return path(1, null, null);
        }

        /** The path of the page numbered {@code page} that {@code olderToken} or {@code newerToken} reads. */
        String path(int page, String olderToken, String newerToken) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("status", status == null ? null : status.name());
            parameters.put("type", type);
            parameters.put("q", search);
            parameters.put("size", size == DEFAULT_PAGE_SIZE ? null : size);
            parameters.put("page", page == 1 ? null : page);
            parameters.put("older", olderToken);
            parameters.put("newer", newerToken);
            return Html.withQuery("/", parameters);
        }

        /** The same query with another status (or none), from the first page. */
        Query withStatus(WorkflowExecutionStatus newStatus) {
            return new Query(newStatus, type, search, 1, size, null, null);
        }

        /** A new builder of the filter of the runs this query lists: its status, type and search. */
        ExecutionFilter.Builder conditions() {
            return ExecutionFilter.newBuilder().setStatus(status).setWorkflowType(type).setWorkflowIdContains(search);
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }

        private static int number(String text, int otherwise) {
            if (text == null || text.isBlank()) {
                return otherwise;
            }
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new BadRequestException("'" + text + "' is not a number");
            }
        }
    }

    /** The page of {@code query}. */
    String render(Query query) {
        Map<WorkflowExecutionStatus, Long> counts = new EnumMap<>(WorkflowExecutionStatus.class);
        for (WorkflowExecutionStatus status : WorkflowExecutionStatus.values()) {
            counts.put(status, client.countExecutions(query.withStatus(null).conditions().setStatus(status).build()));
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long matching = query.status() == null ? total : counts.get(query.status());
        TreeSet<String> types = new TreeSet<>(client.listWorkflowTypes());
        RunWindow window = RunWindow.read(client, query::conditions, query.size(), query.older(), query.newer());

        StringBuilder body = new StringBuilder("<h1>Workflows</h1>\n");
        statusTabs(body, query, counts, total);
        filterForm(body, query, types);
        if (window.runs().isEmpty()) {
            body.append("<p class=\"empty\">No workflow runs match.</p>\n");
        } else {
            table(body, window.runs());
        }
        // the number is the one the link carried: a page read by token has no offset, and runs may start meanwhile
        int page = window.first() ? 1 : Math.max(2, query.page());
        long pages = Math.max(page, (matching + query.size() - 1) / query.size());
        pager(body, query, window, page, pages, matching);
        return Html.page("Workflows", body.toString());
    }

    private static void statusTabs(StringBuilder body, Query query, Map<WorkflowExecutionStatus, Long> counts,
            long total) {
        body.append("<nav class=\"statuses\" aria-label=\"Status\">");
        tab(body, query.withStatus(null).firstPath(), "All", total, query.status() == null, "all");
        for (WorkflowExecutionStatus status : WorkflowExecutionStatus.values()) {
            tab(body, query.withStatus(status).firstPath(), label(status), counts.get(status),
                    status == query.status(), status.name());
        }
        body.append("</nav>\n");
    }

    private static void tab(StringBuilder body, String href, String label, long count, boolean current, String key) {
        body.append("<a class=\"tab").append(current ? " current" : "").append("\" data-status=\"").append(key)
                .append("\" href=\"").append(Html.escape(href)).append("\"").append(current ? " aria-current=\"page\""
                        : "").append(">").append(label).append(" <span class=\"count\">").append(count)
                .append("</span></a>");
    }

    private static void filterForm(StringBuilder body, Query query, TreeSet<String> types) {
        body.append("<form class=\"filters\" method=\"get\" action=\"/\">");
        if (query.status() != null) {
            body.append("<input type=\"hidden\" name=\"status\" value=\"").append(query.status().name()).append("\">");
        }
        body.append("<label>Type <select name=\"type\" id=\"type\"><option value=\"\">any</option>");
        if (query.type() != null) {
            types.add(query.type());
        }
        for (String type : types) {
            body.append("<option value=\"").append(Html.escape(type)).append("\"")
                    .append(type.equals(query.type()) ? " selected" : "").append(">").append(Html.escape(type))
                    .append("</option>");
        }
        body.append("</select></label> <label>Workflow id <input type=\"search\" name=\"q\" id=\"q\" value=\"")
                .append(Html.escape(query.search())).append("\" placeholder=\"part of an id\"></label> ")
                .append("<label>Per page <select name=\"size\" id=\"size\">");
        TreeSet<Integer> sizes = new TreeSet<>(PAGE_SIZES);
        sizes.add(query.size());
        for (int size : sizes) {
            body.append("<option").append(size == query.size() ? " selected" : "").append(">").append(size)
                    .append("</option>");
        }
        body.append("</select></label> <button type=\"submit\" id=\"apply\">Apply</button></form>\n");
    }

    private static void table(StringBuilder body, List<WorkflowExecutionMetadata> runs) {
        body.append("<table class=\"runs\"><thead><tr><th>Status</th><th>Workflow id</th><th>Type</th><th>Run id</th>"
                + "<th>Started (UTC)</th><th>Closed (UTC)</th><th>Events</th></tr></thead><tbody>\n");
        for (WorkflowExecutionMetadata run : runs) {
            String id = run.getExecution().getWorkflowId();
            String href = Html.withQuery(Html.workflowPath(id, ""), Map.of("run", run.getExecution().getRunId()));
            body.append("<tr class=\"run\" data-status=\"").append(run.getStatus().name()).append("\"><td>")
                    .append(badge(run.getStatus())).append("</td><td><a class=\"workflow-id\" href=\"")
                    .append(Html.escape(href)).append("\">").append(Html.escape(id)).append("</a></td><td>")
                    .append(Html.escape(run.getWorkflowType())).append("</td><td class=\"mono\">")
                    .append(Html.escape(run.getExecution().getRunId())).append("</td><td>")
                    .append(Times.format(run.getStartTime())).append("</td><td>")
                    .append(run.getCloseTime().map(Times::format).orElse("")).append("</td><td>")
                    .append(run.getHistoryLength()).append("</td></tr>\n");
        }
        body.append("</tbody></table>\n");
    }

    /**
     * The number of the page and the links to the newer runs ({@code previous}) and to the older ones ({@code next});
     * from the third page on, a link to the first page too ({@code newest}).
     */
    private static void pager(StringBuilder body, Query query, RunWindow window, int page, long pages, long total) {
        body.append("<nav class=\"pager\" aria-label=\"Pages\"><span id=\"page-info\">Page ").append(page)
                .append(" of ").append(pages).append(" · ").append(total).append(total == 1 ? " run" : " runs")
                .append("</span>");
        if (!window.first() && page > 2) {
            body.append(" <a id=\"newest\" href=\"").append(Html.escape(query.firstPath())).append("\">Newest</a>");
        }
        if (!window.first()) {
            String newer = window.newerToken() == null ? query.firstPath()
                    : query.path(page - 1, null, window.newerToken());
            body.append(" <a id=\"previous\" rel=\"prev\" href=\"").append(Html.escape(newer))
                    .append("\">Newer</a>");
        }
        if (window.olderToken() != null) {
            body.append(" <a id=\"next\" rel=\"next\" href=\"")
                    .append(Html.escape(query.path(page + 1, window.olderToken(), null))).append("\">Older</a>");
        }
        body.append("</nav>\n");
    }

    /** The status as a coloured label. */
    static String badge(WorkflowExecutionStatus status) {
        return "<span class=\"badge " + status.name().toLowerCase(Locale.ROOT) + "\">" + label(status) + "</span>";
    }

    private static String label(WorkflowExecutionStatus status) {
        String name = status.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
