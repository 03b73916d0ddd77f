package dev.hourglass.cli.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.history.History;
import dev.hourglass.internal.timeline.TimelineHtml;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The web UI of {@code hourglass ui}: an HTTP server, on the JDK's {@code com.sun.net.httpserver}, that shows the
 * workflow runs of a store and signals, cancels and terminates them through a {@link WorkflowClient}.
 *
 * <p>Pages are HTML made on the server, every value from the store escaped; one script, served as a file, confirms
 * actions and polls an open run's page. Actions are POSTs that carry this server's random token, and only requests
 * addressed to the server by an IP address or {@code localhost} (not by a host name a web page could point at it)
 * and from its own origin are served.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class UiServer implements AutoCloseable {

    private static final Pattern LOCAL_HOST = Pattern.compile(
            "(?i)(localhost|\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-f:.]+\\])(:(\\d{1,5}))?");

    private final HttpServer server;
    private final ExecutorService executor;
    private final String storeName;
    private final String token;
    private final ListPage listPage;
    private final WorkflowPage workflowPage;
    private final Actions actions;
    private final Notices notices;

    private UiServer(HttpServer server, WorkflowClient client, UnaryOperator<History> decoder, String storeName) {
        this.server = server;
        this.storeName = storeName;
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        this.notices = new Notices(random);
        this.listPage = new ListPage(client);
        this.workflowPage = new WorkflowPage(client, decoder, token);
        this.actions = new Actions(client, notices);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "hourglass-ui-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Starts the UI on {@code address} (port 0 picks a free port) over {@code client}.
     *
     * @param client the client of the store
     * @param decoder decodes the payloads of each history shown (the identity when no codec is given)
     * @param storeName the store as the pages name it, never with a password
     * @param address where to listen
     * @return the running server
     * @throws IOException if the address cannot be bound, as when the port is in use
     */
    public static UiServer start(WorkflowClient client, UnaryOperator<History> decoder, String storeName,
            InetSocketAddress address) throws IOException {
        UiServer ui = new UiServer(HttpServer.create(address, 50), client, decoder, storeName);
        ui.server.start();
        return ui;
    }

    /** The URL of the UI's list page, such as {@code http://127.0.0.1:8233/}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1"
                : address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    /** Stops serving, waiting up to a second for requests in flight. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }

    private void handle(HttpExchange httpExchange) throws IOException {
        Exchange exchange;
        try {
            exchange = new Exchange(httpExchange);
        } catch (IllegalArgumentException e) {
            httpExchange.sendResponseHeaders(400, -1);
            httpExchange.close();
            return;
        }
        try {
            if (!fromHere(exchange)) {
                error(exchange, 403, "Forbidden", "This UI serves only requests to its own address (an IP address or"
                        + " localhost and its port) from its own pages.");
                return;
            }
            route(exchange);
        } catch (MethodNotAllowed e) {
            error(exchange, 405, "Method not allowed", e.getMessage());
        } catch (BadRequestException e) {
            error(exchange, 400, "Bad request", e.getMessage());
        } catch (WorkflowNotFoundException e) {
            error(exchange, 404, "No such workflow", notFound(e));
        } catch (RuntimeException e) {
            error(exchange, 500, "Failed", "The UI could not serve this page: " + e);
        } finally {
            httpExchange.close();
        }
    }

    /**
     * Whether the request is addressed to this server by an IP address or {@code localhost} with its port (a host
     * name could be a DNS rebinding attack) and, if it says where it comes from ({@code Origin},
     * {@code Sec-Fetch-Site}), comes from this server's pages or was typed by its user.
     */
    private boolean fromHere(Exchange exchange) {
        String host = exchange.header("Host");
        if (host == null) {
            return false;
        }
        var match = LOCAL_HOST.matcher(host.strip());
        if (!match.matches()) {
            return false;
        }
        int port = match.group(4) == null ? 80 : Integer.parseInt(match.group(4));
        if (port != server.getAddress().getPort()) {
            return false;
        }
        // The pages' Referrer-Policy no-referrer makes a browser send "Origin: null" with their forms; what a page
        // of another site posts says its own origin, or "null" from a sandbox, but never the token: the token guards
        // the actions, and these checks refuse what declares itself foreign.
        String origin = exchange.header("Origin");
        String site = exchange.header("Sec-Fetch-Site");
        return (origin == null || origin.equals("null") || origin.equalsIgnoreCase("http://" + host.strip()))
                && (site == null || site.equals("same-origin") || site.equals("none"));
    }

    private void route(Exchange exchange) throws IOException {
        List<String> path = exchange.segments();
        boolean read = exchange.method().equals("GET") || exchange.method().equals("HEAD");
        if (path.isEmpty()) {
            requireRead(read);
            exchange.send(200, Exchange.HTML, listPage.render(ListPage.Query.of(exchange)));
        } else if (path.size() == 2 && path.get(0).equals("static")) {
            requireRead(read);
            staticFile(exchange, path.get(1));
        } else if (path.get(0).equals("workflows") && path.size() == 2) {
            requireRead(read);
            exchange.send(200, Exchange.HTML, workflowPage.render(path.get(1), exchange.query("run"),
                    notices.take(exchange.query("notice"))));
        } else if (path.get(0).equals("workflows") && path.size() == 3) {
            workflowSubpage(exchange, path.get(1), path.get(2), read);
        } else {
            error(exchange, 404, "Not found", "There is no page " + String.join("/", path) + " here.");
        }
    }

    private void workflowSubpage(Exchange exchange, String workflowId, String page, boolean read) throws IOException {
        String runId = exchange.query("run");
        if (Actions.NAMES.contains(page)) {
            if (!exchange.method().equals("POST")) {
                throw new MethodNotAllowed("POST");
            }
            if (!validToken(exchange.form("token"))) {
                error(exchange, 403, "Forbidden", "The form's token is not this server's: reload the workflow's page"
                        + " and try again.");
                return;
            }
            actions.perform(exchange, workflowId, page);
            return;
        }
        requireRead(read);
        switch (page) {
            case "live" -> exchange.send(200, Exchange.HTML, workflowPage.live(workflowPage.history(workflowId,
                    runId)));
            case "history.json" -> exchange.send(200, Exchange.JSON, workflowPage.history(workflowId, runId)
                    .toJson());
            case "download" -> {
                History history = workflowPage.history(workflowId, runId);
                exchange.send(200, Exchange.JSON, history.toJson().getBytes(StandardCharsets.UTF_8),
                        Map.of("Content-Disposition", "attachment; filename=\"" + history.defaultFileName() + "\""));
            }
            default -> error(exchange, 404, "Not found", "There is no page " + page + " of a workflow.");
        }
    }

    private boolean validToken(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private static void requireRead(boolean read) {
        if (!read) {
            throw new MethodNotAllowed("GET");
        }
    }

    private void staticFile(Exchange exchange, String name) throws IOException {
        switch (name) {
            case "timeline.css" -> exchange.send(200, "text/css; charset=utf-8", TimelineHtml.styles());
            case "ui.css" -> exchange.send(200, "text/css; charset=utf-8", resource("ui.css"));
            case "ui.js" -> exchange.send(200, "text/javascript; charset=utf-8", resource("ui.js"));
            default -> error(exchange, 404, "Not found", "There is no file " + name + " here.");
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = UiServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing beside " + UiServer.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String notFound(WorkflowNotFoundException e) {
        if (e.getWorkflowId() == null) {
            return "There is no workflow run " + e.getRunId() + " in " + storeName + ".";
        }
        return "There is no workflow '" + e.getWorkflowId() + "'" + (e.getRunId() == null ? ""
                : " with run " + e.getRunId()) + " in " + storeName + ".";
    }

    private static void error(Exchange exchange, int status, String title, String message) throws IOException {
        exchange.send(status, Exchange.HTML, Html.page(title, "<h1>" + Html.escape(title) + "</h1>\n<p class=\"error\""
                + " id=\"error\">" + Html.escape(message) + "</p>\n<p><a href=\"/\">All workflows</a></p>\n"));
    }

    /** A request with a method that the path does not take. */
    private static final class MethodNotAllowed extends BadRequestException {
        private static final long serialVersionUID = 1L;

        MethodNotAllowed(String allowed) {
            super("this page takes " + allowed + " only");
        }
    }
}
