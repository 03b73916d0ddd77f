package dev.hourglass.cli.ui;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.client.WorkflowExecutionStatus;
import java.util.ArrayList;
import java.util.Collections;
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
 * <p>The client lists runs oldest first and filters by status and type only, so the page reads every run of the
 * type, counts them by status and searches their ids itself: fine for the stores a person looks at.
 */
final class ListPage {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final List<Integer> PAGE_SIZES = List.of(10, 20, 50, 100);
    static final int MAX_PAGE_SIZE = 500;

    private final WorkflowClient client;

    ListPage(WorkflowClient client) {
        this.client = client;
    }

    /** The parameters of the page, as the query gives them. */
    record Query(WorkflowExecutionStatus status, String type, String search, int page, int size) {

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
            return new Query(status, type, search, Math.max(1, number(exchange.query("page"), 1)), size);
        }

        /** The path of this query's list, on page {@code page}. */
        String path(int page) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("status", status == null ? null : status.name());
            parameters.put("type", type);
            parameters.put("q", search);
            parameters.put("size", size == DEFAULT_PAGE_SIZE ? null : size);
            parameters.put("page", page == 1 ? null : page);
            return Html.withQuery("/", parameters);
        }

        /** The same query with another status (or none), from the first page. */
        Query withStatus(WorkflowExecutionStatus newStatus) {
            return new Query(newStatus, type, search, 1, size);
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
        ExecutionFilter.Builder filter = ExecutionFilter.newBuilder().setPageSize(ExecutionFilter.MAX_PAGE_SIZE);
        if (query.type() != null) {
            filter.setWorkflowType(query.type());
        }
        Map<WorkflowExecutionStatus, Integer> counts = new EnumMap<>(WorkflowExecutionStatus.class);
        List<WorkflowExecutionMetadata> matching = new ArrayList<>();
        TreeSet<String> types = new TreeSet<>();
        client.listExecutions(filter.build()).forEachOrdered(run -> {
            types.add(run.getWorkflowType());
            if (query.search() != null && !run.getExecution().getWorkflowId().toLowerCase(Locale.ROOT)
                    .contains(query.search().toLowerCase(Locale.ROOT))) {
                return;
            }
            counts.merge(run.getStatus(), 1, Integer::sum);
            if (query.status() == null || run.getStatus() == query.status()) {
                matching.add(run);
            }
        });
        Collections.reverse(matching);
        if (query.type() != null) { // the other types, to choose from
            client.listExecutions(ExecutionFilter.newBuilder().setPageSize(ExecutionFilter.MAX_PAGE_SIZE).build())
                    .forEachOrdered(run -> types.add(run.getWorkflowType()));
        }

        StringBuilder body = new StringBuilder("<h1>Workflows</h1>\n");
        statusTabs(body, query, counts);
        filterForm(body, query, types);
        int pages = Math.max(1, (matching.size() + query.size() - 1) / query.size());
        int page = Math.min(query.page(), pages);
        List<WorkflowExecutionMetadata> shown = matching.subList((page - 1) * query.size(),
                Math.min(matching.size(), page * query.size()));
        if (shown.isEmpty()) {
            body.append("<p class=\"empty\">No workflow runs match.</p>\n");
        } else {
            table(body, shown);
        }
        pager(body, query, page, pages, matching.size());
        return Html.page("Workflows", body.toString());
    }

    private static void statusTabs(StringBuilder body, Query query,
            Map<WorkflowExecutionStatus, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        body.append("<nav class=\"statuses\" aria-label=\"Status\">");
        tab(body, query.withStatus(null).path(1), "All", total, query.status() == null, "all");
        for (WorkflowExecutionStatus status : WorkflowExecutionStatus.values()) {
            tab(body, query.withStatus(status).path(1), label(status), counts.getOrDefault(status, 0),
                    status == query.status(), status.name());
        }
        body.append("</nav>\n");
    }

    private static void tab(StringBuilder body, String href, String label, int count, boolean current, String key) {
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

    private static void pager(StringBuilder body, Query query, int page, int pages, int total) {
        body.append("<nav class=\"pager\" aria-label=\"Pages\"><span id=\"page-info\">Page ").append(page)
                .append(" of ").append(pages).append(" · ").append(total).append(total == 1 ? " run" : " runs")
                .append("</span>");
        if (page > 1) {
            body.append(" <a id=\"previous\" rel=\"prev\" href=\"").append(Html.escape(query.path(page - 1)))
                    .append("\">Previous</a>");
        }
        if (page < pages) {
            body.append(" <a id=\"next\" rel=\"next\" href=\"").append(Html.escape(query.path(page + 1)))
                    .append("\">Next</a>");
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
