package dev.hourglass.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.history.EventType;
import dev.hourglass.history.WorkflowExecutionTerminatedAttributes;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The actions of the web UI, each on a run of its own in a store of this class's own, posted as its forms post. */
class UiActionsTest {

    private static UiFixture ui;

    @BeforeAll
    static void startUi() {
        ui = UiFixture.empty();
    }

    @AfterAll
    static void stopUi() throws IOException {
        ui.close();
    }

    @Test
    void signalDeliversTheSignalWithItsJsonArgumentsAndRedirectsToThePageWhichSaysSo() throws Exception {
        WorkflowStub order = waitingOrder("ui-signal");

        HttpResponse<String> posted = ui.post("/workflows/ui-signal/signal",
                Map.of("token", ui.token("ui-signal"), "name", "approve", "args", "[\"carol\"]"));

        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(order.getResult(30, TimeUnit.SECONDS, String.class)).isEqualTo("R-book S-book approved by carol");
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/workflows/ui-signal\\?notice=[-_A-Za-z0-9]+");
        assertThat(ui.get(location).body())
                .contains("<p class=\"notice\" id=\"notice\" role=\"status\">Signaled ui-signal with"
                        + " approve[&quot;carol&quot;].</p>");
    }

    @Test
    void showsTheNoticeOfAnActionOnce() {
        waitingOrder("ui-notice");
        String location = ui.post("/workflows/ui-notice/signal", Map.of("token", ui.token("ui-notice"),
                "name", "nudge")).headers().firstValue("Location").orElseThrow();

        assertThat(ui.get(location).body()).contains("Signaled ui-notice with nudge[].");
        assertThat(ui.get(location).body()).doesNotContain("id=\"notice\"");
    }

    @Test
    void signalSaysWhenTheArgumentsAreNotJson() {
        waitingOrder("ui-bad-json");

        HttpResponse<String> posted = ui.post("/workflows/ui-bad-json/signal",
                Map.of("token", ui.token("ui-bad-json"), "name", "approve", "args", "carol"));

        assertThat(ui.get(posted.headers().firstValue("Location").orElseThrow()).body())
                .contains("<p class=\"notice error\" id=\"notice\" role=\"alert\">Cannot signal approve: its arguments"
                        + " are not JSON: carol (expected a JSON array of the arguments, such as [&quot;carol&quot;,"
                        + " 3])</p>");
        assertThat(ui.store().client().fetchHistory("ui-bad-json").getEvents())
                .noneMatch(event -> event.getEventType() == EventType.WorkflowExecutionSignaled);
    }

    @Test
    void signalSaysWhenTheArgumentsAreNotAnArray() {
        waitingOrder("ui-not-array");

        HttpResponse<String> posted = ui.post("/workflows/ui-not-array/signal",
                Map.of("token", ui.token("ui-not-array"), "name", "approve", "args", "\"carol\""));

        assertThat(ui.get(posted.headers().firstValue("Location").orElseThrow()).body())
                .contains("Cannot signal approve: its arguments are &quot;carol&quot;, not a JSON array (write one"
                        + " argument as [&quot;carol&quot;])");
    }

    @Test
    void signalSaysWhenTheRunHasClosed() {
        WorkflowStub order = waitingOrder("ui-closed");
        String token = ui.token("ui-closed");
        order.terminate("closed before the signal");

        HttpResponse<String> posted = ui.post("/workflows/ui-closed/signal",
                Map.of("token", token, "name", "approve", "args", "[\"carol\"]"));

        assertThat(ui.get(posted.headers().firstValue("Location").orElseThrow()).body())
                .contains("Cannot signal ui-closed: its run is closed (WorkflowExecutionTerminated); only open runs"
                        + " take signals, cancellation and termination.");
    }

    @Test
    void cancelRequestsCancellationWhichTheWorkflowHonours() {
        WorkflowStub order = waitingOrder("ui-cancel");

        HttpResponse<String> posted = ui.post("/workflows/ui-cancel/cancel", Map.of("token", ui.token("ui-cancel")));

        assertThat(posted.statusCode()).isEqualTo(303);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> order.describe().getStatus() == WorkflowExecutionStatus.CANCELED);
        assertThat(ui.get(posted.headers().firstValue("Location").orElseThrow()).body())
                .contains("Requested cancellation of ui-cancel.");
    }

    @Test
    void terminateEndsTheRunAtOnceAndRecordsTheReason() {
        WorkflowStub order = waitingOrder("ui-terminate");

        HttpResponse<String> posted = ui.post("/workflows/ui-terminate/terminate",
                Map.of("token", ui.token("ui-terminate"), "reason", "duplicate order"));

        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(order.describe().getStatus()).isEqualTo(WorkflowExecutionStatus.TERMINATED);
        assertThat(ui.store().client().fetchHistory("ui-terminate").getLastEvent()
                .getAttributes(WorkflowExecutionTerminatedAttributes.class).reason()).isEqualTo("duplicate order");
        assertThat(ui.get(posted.headers().firstValue("Location").orElseThrow()).body())
                .contains("Terminated ui-terminate: duplicate order").doesNotContain("id=\"actions\"");
    }

    @Test
    void refusesAnActionWithoutTheToken() {
        WorkflowStub order = waitingOrder("ui-no-token");

        HttpResponse<String> posted = ui.post("/workflows/ui-no-token/terminate", Map.of("reason", "forged"));

        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("The form&#39;s token is not this server&#39;s");
        assertThat(order.describe().getStatus()).isEqualTo(WorkflowExecutionStatus.RUNNING);
    }

    @Test
    void refusesAnActionWithAnotherToken() {
        WorkflowStub order = waitingOrder("ui-wrong-token");

        HttpResponse<String> posted = ui.post("/workflows/ui-wrong-token/cancel", Map.of("token", "guessed"));

        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(order.describe().getStatus()).isEqualTo(WorkflowExecutionStatus.RUNNING);
    }

    @Test
    void refusesAnActionFromAForeignOrigin() {
        WorkflowStub order = waitingOrder("ui-foreign");

        HttpResponse<String> posted = ui.post("/workflows/ui-foreign/terminate",
                Map.of("token", ui.token("ui-foreign")), "Origin", "http://evil.example");

        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("This UI serves only requests to its own address");
        assertThat(order.describe().getStatus()).isEqualTo(WorkflowExecutionStatus.RUNNING);
    }

    @Test
    void refusesAnActionThatTheBrowserSaysComesFromAnotherSite() {
        WorkflowStub order = waitingOrder("ui-cross-site");

        HttpResponse<String> posted = ui.post("/workflows/ui-cross-site/cancel",
                Map.of("token", ui.token("ui-cross-site")), "Origin", "null", "Sec-Fetch-Site", "cross-site");

        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(order.describe().getStatus()).isEqualTo(WorkflowExecutionStatus.RUNNING);
    }

    @Test
    void acceptsAnActionFromItsOwnPagesWhichSendNoReferrer() {
        WorkflowStub order = waitingOrder("ui-no-referrer");

        HttpResponse<String> posted = ui.post("/workflows/ui-no-referrer/terminate",
                Map.of("token", ui.token("ui-no-referrer")), "Origin", "null", "Sec-Fetch-Site", "same-origin");

        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(order.describe().getStatus()).isEqualTo(WorkflowExecutionStatus.TERMINATED);
    }

    @Test
    void acceptsAnActionFromItsOwnOrigin() {
        WorkflowStub order = waitingOrder("ui-own-origin");
        String origin = "http://127.0.0.1:" + ui.uri().getPort();

        HttpResponse<String> posted = ui.post("/workflows/ui-own-origin/terminate",
                Map.of("token", ui.token("ui-own-origin")), "Origin", origin);

        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(order.describe().getStatus()).isEqualTo(WorkflowExecutionStatus.TERMINATED);
    }

    @Test
    void refusesAnyRequestAddressedByAHostName() throws IOException {
        // what a page of another site would send after pointing its own host name at 127.0.0.1 (DNS rebinding)
        try (var socket = new java.net.Socket("127.0.0.1", ui.uri().getPort())) {
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: evil.example:" + ui.uri().getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 403 ").doesNotContain("Workflows</h1>");
        }
    }

    @Test
    void refusesAnActionByGet() {
        HttpResponse<String> response = ui.get("/workflows/ui-any/terminate");

        assertThat(response.statusCode()).isEqualTo(405);
    }

    @Test
    void refusesAPostToAPage() {
        assertThat(ui.post("/", Map.of()).statusCode()).isEqualTo(405);
    }

    /** An order of a book that waits for its approval. */
    private static WorkflowStub waitingOrder(String workflowId) {
        WorkflowStub order = ui.store().start(workflowId, "book");
        OrdersStore.awaitApproval(order);
        return order;
    }
}
