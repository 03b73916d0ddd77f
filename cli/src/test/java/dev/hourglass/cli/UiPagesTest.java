package dev.hourglass.cli;

import static dev.hourglass.cli.UiFixture.IMAGE;
import static dev.hourglass.cli.UiFixture.SCRIPT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.History;
import dev.hourglass.replay.WorkflowReplayer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every page of the web UI, read over HTTP from a store where a real worker ran orders; nothing here changes a run. */
class UiPagesTest {

    private static final Pattern WORKFLOW_LINK = Pattern.compile("class=\"workflow-id\" href=\"[^\"]*\">([^<]*)</a>");

    private static UiFixture ui;

    @BeforeAll
    static void startUi() {
        ui = UiFixture.withOrdersAndInjections();
    }

    @AfterAll
    static void stopUi() throws IOException {
        ui.close();
    }

    @Test
    void listsEveryRunNewestFirst() {
        HttpResponse<String> list = ui.get("/");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(shownIds(list)).containsExactly(escaped(IMAGE), escaped(SCRIPT), "order-5", "order-4", "order-3",
                "order-2", "order-1");
    }

    @Test
    void countsTheRunsOfEachStatus() {
        String list = ui.get("/").body();

        assertThat(list).contains("data-status=\"all\" href=\"/\" aria-current=\"page\">All <span class=\"count\">7"
                + "</span>");
        assertThat(list).contains(">Running <span class=\"count\">3</span>", ">Completed <span class=\"count\">1</span>",
                ">Failed <span class=\"count\">2</span>", ">Terminated <span class=\"count\">1</span>",
                ">Canceled <span class=\"count\">0</span>");
    }

    @Test
    void filtersByStatus() {
        assertThat(shownIds(ui.get("/?status=RUNNING"))).containsExactly(escaped(SCRIPT), "order-3", "order-2");
        assertThat(shownIds(ui.get("/?status=failed"))).containsExactly(escaped(IMAGE), "order-4");
    }

    @Test
    void filtersByTypeAndSaysWhenNothingMatches() {
        assertThat(shownIds(ui.get("/?type=OrderWorkflow"))).hasSize(7);

        String none = ui.get("/?type=NoSuchWorkflow").body();

        assertThat(none).contains("No workflow runs match.").contains("<option value=\"NoSuchWorkflow\" selected>");
    }

    @Test
    void searchesByPartOfTheWorkflowIdAndCountsWhatItFinds() {
        HttpResponse<String> found = ui.get("/?q=ORDER-");

        assertThat(shownIds(found)).containsExactly("order-5", "order-4", "order-3", "order-2", "order-1");
        assertThat(found.body()).contains("All <span class=\"count\">5</span>");
    }

    @Test
    void showsTheFirstPageWithALinkToTheOlderRuns() {
        HttpResponse<String> first = ui.get("/?size=3");

        assertThat(shownIds(first)).containsExactly(escaped(IMAGE), escaped(SCRIPT), "order-5");
        assertThat(first.body()).contains("Page 1 of 3 · 7 runs")
                .contains("<a id=\"next\" rel=\"next\" href=\"/?size=3&amp;page=2&amp;older=")
                .doesNotContain("id=\"previous\"");
    }

    @Test
    void pagesToTheOlderRunsKeepingTheFilters() {
        HttpResponse<String> second = ui.get(link(ui.get("/?q=order&size=2"), "next"));

        assertThat(shownIds(second)).containsExactly("order-3", "order-2");
        assertThat(second.body()).contains("Page 2 of 3 · 5 runs",
                "<a id=\"previous\" rel=\"prev\" href=\"/?q=order&amp;size=2&amp;newer=",
                "<a id=\"next\" rel=\"next\" href=\"/?q=order&amp;size=2&amp;page=3&amp;older=");
    }

    @Test
    void pagesBackFromTheSecondPageToTheFirst() {
        HttpResponse<String> first = ui.get(link(ui.get(link(ui.get("/?q=order&size=2"), "next")), "previous"));

        assertThat(shownIds(first)).containsExactly("order-5", "order-4");
        assertThat(first.body()).contains("Page 1 of 3 · 5 runs").doesNotContain("id=\"previous\"");
    }

    @Test
    void showsTheLastPageWithoutALinkToOlderRuns() {
        HttpResponse<String> last = ui.get(link(ui.get(link(ui.get("/?q=order&size=2"), "next")), "next"));

        assertThat(shownIds(last)).containsExactly("order-1");
        assertThat(last.body()).contains("Page 3 of 3 · 5 runs", "<a id=\"newest\" href=\"/?q=order&amp;size=2\">")
                .doesNotContain("id=\"next\"");
    }

    @Test
    void pagesBackFromTheLastPageToTheNewerRunsKeepingTheFilters() {
        HttpResponse<String> last = ui.get(link(ui.get(link(ui.get("/?q=order&size=2"), "next")), "next"));

        HttpResponse<String> back = ui.get(link(last, "previous"));

        assertThat(link(last, "previous")).startsWith("/?q=order&size=2&page=2&newer=");
        assertThat(shownIds(back)).containsExactly("order-3", "order-2");
        assertThat(back.body()).contains("Page 2 of 3 · 5 runs");
        assertThat(shownIds(ui.get(link(back, "next")))).containsExactly("order-1");
    }

    @Test
    void pagesBackToTheFirstPageFromANewerPageOfTheNewestRuns() {
        HttpResponse<String> second = ui.get(link(ui.get("/?status=RUNNING&size=1"), "next"));
        HttpResponse<String> third = ui.get(link(second, "next"));

        HttpResponse<String> backToSecond = ui.get(link(third, "previous"));

        assertThat(shownIds(second)).containsExactly("order-3");
        assertThat(shownIds(third)).containsExactly("order-2");
        assertThat(shownIds(backToSecond)).containsExactly("order-3");
        assertThat(shownIds(ui.get(link(backToSecond, "previous")))).containsExactly(escaped(SCRIPT));
    }

    @Test
    void showsTheFirstPageForAPageNumberWithoutAToken() {
        HttpResponse<String> numbered = ui.get("/?status=RUNNING&size=2&page=9");

        assertThat(shownIds(numbered)).containsExactly(escaped(SCRIPT), "order-3");
        assertThat(numbered.body()).contains("Page 1 of 2 · 3 runs");
    }

    @Test
    void refusesALinkWhoseTokenIsNotOneOfAPage() {
        HttpResponse<String> response = ui.get("/?older=not-a-token");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("this link to a page of runs is not valid");
    }

    @Test
    void refusesAPageSizeOutOfRange() {
        HttpResponse<String> response = ui.get("/?size=0");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("page size 0 is not from 1 to 500");
    }

    @Test
    void refusesAStatusThatDoesNotExist() {
        HttpResponse<String> response = ui.get("/?status=sleeping");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("no status &#39;sleeping&#39;");
    }

    @Test
    void showsACompletedRunWithItsInputResultAndTimeline() {
        HttpResponse<String> page = ui.get(UiFixture.path("order-1"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1 id=\"workflow-id\">order-1</h1>",
                "<dd id=\"summary-status\"><span class=\"badge completed\">Completed</span>",
                "<dd id=\"summary-input\"><pre class=\"payload\">[&quot;book&quot;]</pre>",
                "<dd id=\"summary-result\"><pre class=\"payload\">&quot;R-book S-book approved by alice&quot;</pre>",
                "<section class=\"hg-timeline\"");
        assertThat(page.body()).doesNotContain("id=\"actions\"");
    }

    @Test
    void drawsOneBarPerActivityWithTheAttemptOfItsLastStart() {
        String page = ui.get(UiFixture.path("order-1")).body();

        assertThat(elements(page, "hg-activity")).extracting(bar -> bar.get("data-activity-type"),
                bar -> bar.get("data-attempt"), bar -> bar.get("data-outcome")).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("reserve", "3", "completed"),
                        org.assertj.core.groups.Tuple.tuple("ship", "1", "completed"));
        assertThat(elements(page, "hg-event")).hasSize(11);
    }

    @Test
    void showsAFailedRunWithItsFailureAndStackTrace() {
        String page = ui.get(UiFixture.path("order-4")).body();

        assertThat(page).contains("<span class=\"badge failed\">Failed</span>",
                "<dd id=\"summary-failure\"><details class=\"failure\"><summary>",
                "<summary>ActivityFailure[ship, attempt 1] caused by Unshippable &quot;cannot ship unshippable&quot;"
                        + "</summary>", "<pre class=\"stack\">ActivityFailure[ship, attempt 1]\n    at dev.hourglass.",
                "\ncaused by: Unshippable &quot;cannot ship unshippable&quot;</pre>");
    }

    @Test
    void showsTheReasonOfATerminatedRun() {
        assertThat(ui.get(UiFixture.path("order-5")).body()).contains("<dd id=\"summary-reason\">customer left</dd>");
    }

    @Test
    void showsThePendingActivityOfAnOpenRunWithItsAttemptNextRetryAndLastFailure() {
        String page = ui.get(UiFixture.path("order-3")).body();

        assertThat(page).contains("<span class=\"badge running\">Running</span>", "id=\"pending-activities\"",
                "<td class=\"attempt\">3</td>", "java.lang.IllegalStateException: no stock of broken",
                "data-open=\"true\"", "id=\"actions\"");
        assertThat(page).containsPattern("<td class=\"attempt\">3</td><td>[-0-9: .]+</td><td>\\d{4}-[-0-9: .]+</td>");
    }

    @Test
    void servesTheLivePartOfAnOpenRunForPolling() {
        HttpResponse<String> live = ui.get(UiFixture.path("order-2") + "/live");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).startsWith("<div id=\"live\" data-open=\"true\" data-events=\"7\"")
                .contains("id=\"pending-timers\"", "<section class=\"hg-timeline\"").doesNotContain("<html");
    }

    @Test
    void servesTheRawJsonOfTheHistory() {
        HttpResponse<String> json = ui.get(UiFixture.path("order-1") + "/history.json");

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(json.body()).isEqualTo(ui.store().client().fetchHistory("order-1").toJson());
    }

    @Test
    void downloadsTheHistoryFileThatTheReplayGateReads() throws Exception {
        History stored = ui.store().client().fetchHistory("order-4");

        HttpResponse<String> download = ui.get(UiFixture.path("order-4") + "/download?run=" + stored.getRunId());

        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + stored.defaultFileName() + "\"");
        History read = History.fromJson(download.body());
        assertThat(read).isEqualTo(stored);
        WorkflowReplayer.replayWorkflowExecution(read, OrderWorkflowImpl.class);
    }

    @Test
    void showsTheRunNamedByItsRunId() {
        History stored = ui.store().client().fetchHistory("order-2");

        String page = ui.get(UiFixture.path("order-2") + "?run=" + stored.getRunId()).body();

        assertThat(page).contains("<dd id=\"summary-run-id\"><span class=\"mono\">" + stored.getRunId() + "</span>");
    }

    @Test
    void saysWhenNoWorkflowHasTheId() {
        HttpResponse<String> page = ui.get(UiFixture.path("order-99"));

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<h1>No such workflow</h1>",
                "There is no workflow &#39;order-99&#39; in " + ui.store().location() + ".");
    }

    @Test
    void saysWhenTheWorkflowHasNoSuchRun() {
        HttpResponse<String> page = ui.get(UiFixture.path("order-1") + "/history.json?run=no-such-run");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("There is no workflow &#39;order-1&#39; with run no-such-run");
    }

    @Test
    void saysWhenThereIsNoSuchPage() {
        assertThat(ui.get("/nowhere").statusCode()).isEqualTo(404);
        assertThat(ui.get(UiFixture.path("order-1") + "/nowhere").statusCode()).isEqualTo(404);
        assertThat(ui.get("/static/nothing.js").statusCode()).isEqualTo(404);
    }

    @Test
    void setsTheSecurityHeadersOnEveryResponse() {
        for (HttpResponse<String> response : List.of(ui.get("/"), ui.get(UiFixture.path("order-1")),
                ui.get("/static/ui.js"), ui.get("/nowhere"))) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("script-src 'self';").contains("default-src 'none'").doesNotContain("unsafe-eval");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
    }

    @Test
    void servesItsScriptAndStyleSheetsAsFilesAndNoInlineScript() {
        assertThat(ui.get("/static/ui.js").headers().firstValue("Content-Type"))
                .hasValue("text/javascript; charset=utf-8");
        assertThat(ui.get("/static/ui.css").statusCode()).isEqualTo(200);
        assertThat(ui.get("/static/timeline.css").statusCode()).isEqualTo(200);
        assertThat(ui.get(UiFixture.path("order-3")).body()).containsOnlyOnce("<script")
                .contains("<script src=\"/static/ui.js\" defer></script>");
    }

    @Test
    void escapesAWorkflowIdInTheListAndInLinks() {
        String list = ui.get("/").body();

        assertThat(list).doesNotContain(SCRIPT, IMAGE, "<img").containsOnlyOnce("<script")
                .contains(escaped(SCRIPT), escaped(IMAGE))
                .contains("href=\"/workflows/%3Cscript%3Ealert%281%29%3C%2Fscript%3E?run=");
    }

    @Test
    void escapesAWorkflowIdAndInputOnTheWorkflowsPage() {
        HttpResponse<String> page = ui.get(UiFixture.path(SCRIPT));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(SCRIPT, IMAGE, "<img").containsOnlyOnce("<script")
                .contains("<h1 id=\"workflow-id\">" + escaped(SCRIPT) + "</h1>")
                .contains("[&quot;\\&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;&quot;]");
    }

    @Test
    void escapesAFailureMessageOnTheWorkflowsPage() {
        HttpResponse<String> page = ui.get(UiFixture.path(IMAGE));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(SCRIPT, IMAGE, "<img").containsOnlyOnce("<script")
                .contains("cannot ship unshippable " + escaped(SCRIPT));
    }

    @Test
    void escapesEverythingInTheLivePartToo() {
        String live = ui.get(UiFixture.path(SCRIPT) + "/live").body();

        assertThat(live).doesNotContain(SCRIPT, IMAGE, "<img", "<script")
                .contains("/workflows/%3Cscript%3Ealert%281%29%3C%2Fscript%3E/live?run=")
                .contains("[&quot;\\&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;&quot;]");
    }

    private static List<String> shownIds(HttpResponse<String> list) {
        assertThat(list.statusCode()).isEqualTo(200);
        Matcher link = WORKFLOW_LINK.matcher(list.body());
        return link.results().map(result -> result.group(1)).toList();
    }

    /** The path and query of the link of the page with the id {@code id}, as a browser would follow it. */
    private static String link(HttpResponse<String> page, String id) {
        Matcher href = Pattern.compile("<a id=\"" + id + "\"[^>]* href=\"([^\"]*)\"").matcher(page.body());
        assertThat(href.find()).as("a link with the id %s in%n%s", id, page.body()).isTrue();
        return href.group(1).replace("&amp;", "&");
    }

    /** The attributes of each element of the page whose classes include {@code className}, in page order. */
    private static List<java.util.Map<String, String>> elements(String page, String className) {
        Pattern attribute = Pattern.compile("([-a-z]+)=\"([^\"]*)\"");
        return Pattern.compile("<[a-z]+\\s[^>]*>").matcher(page).results().map(tag -> {
            java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
            attribute.matcher(tag.group()).results().forEach(pair -> attributes.put(pair.group(1), pair.group(2)));
            return attributes;
        }).filter(attributes -> List.of(attributes.getOrDefault("class", "").split(" ")).contains(className))
                .toList();
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
