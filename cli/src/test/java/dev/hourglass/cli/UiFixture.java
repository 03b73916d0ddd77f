package dev.hourglass.cli;

import dev.hourglass.cli.ui.UiServer;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.service.WorkflowService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web UI on a free port over a store in which a real worker runs orders ({@link OrdersStore}), as
 * {@code hourglass ui} serves it: through a service of its own on the store's file. Requests go through a real HTTP
 * client.
 */
final class UiFixture implements AutoCloseable {

    /** A workflow id that is a script element. */
    static final String SCRIPT = "<script>alert(1)</script>";
    /** Text that closes an attribute and adds an element with a handler. */
    static final String IMAGE = "\"'><img src=x onerror=alert(1)>";

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    private final OrdersStore store;
    private final WorkflowService uiService;
    private final UiServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private UiFixture(OrdersStore store) {
        this.store = store;
        this.uiService = WorkflowService.sqlite(store.file());
        try {
            this.server = UiServer.start(WorkflowClient.newInstance(uiService), history -> history,
                    store.location(), new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            uiService.close();
            throw new IllegalStateException("cannot start the UI for a test", e);
        }
    }

    /** The UI over the orders of {@link OrdersStore#withOrders()} and the two runs of {@link #withInjections()}. */
    static UiFixture withOrdersAndInjections() {
        UiFixture fixture = new UiFixture(OrdersStore.withOrders());
        fixture.withInjections();
        return fixture;
    }

    /** The UI over a store with no runs yet, whose worker runs what the test starts. */
    static UiFixture empty() {
        return new UiFixture(OrdersStore.empty());
    }

    /**
     * Adds a run whose workflow id is {@link #SCRIPT} and whose input is {@link #IMAGE}, waiting for its approval,
     * and a run whose id is {@link #IMAGE} that failed with a message holding {@link #SCRIPT}.
     */
    private void withInjections() {
        OrdersStore.awaitApproval(store.start(SCRIPT, IMAGE));
        WorkflowStub failing = store.start(IMAGE, "unshippable " + SCRIPT);
        failing.signal("approve", "mallory");
        try {
            failing.getResult(30, TimeUnit.SECONDS, String.class);
            throw new AssertionError(IMAGE + " should have failed");
        } catch (WorkflowFailedException expected) {
            // its failure message holds the script
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(IMAGE + " did not end in 30 s", e);
        }
    }

    OrdersStore store() {
        return store;
    }

    URI uri() {
        return server.uri();
    }

    /** GETs {@code pathAndQuery}, such as {@code /?status=RUNNING}. */
    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri().resolve(pathAndQuery)).GET());
    }

    /** POSTs the form {@code fields} to {@code path}, with the request headers {@code headers} (name, value, ...). */
    HttpResponse<String> post(String path, Map<String, String> fields, String... headers) {
        StringJoiner form = new StringJoiner("&");
        fields.forEach((name, value) -> form.add(encode(name) + "=" + encode(value)));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** The token of the forms of the workflow's page. */
    String token(String workflowId) {
        Matcher token = TOKEN.matcher(get(path(workflowId)).body());
        if (!token.find()) {
            throw new AssertionError("no form with a token on the page of " + workflowId);
        }
        return token.group(1);
    }

    /** The path of the workflow's page. */
    static String path(String workflowId) {
        return "/workflows/" + encode(workflowId).replace("+", "%20");
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("request to the UI failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        uiService.close();
        store.close();
    }
}
