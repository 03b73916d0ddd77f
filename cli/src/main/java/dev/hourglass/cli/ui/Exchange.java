package dev.hourglass.cli.ui;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One request to the UI and its response: the path's segments, the query and form parameters, the headers. */
final class Exchange {

    /** The largest form the UI reads: a signal's arguments are small JSON. */
    static final int MAX_FORM_BYTES = 256 * 1024;

    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";

    /** What every response says: run only the UI's own script, sniff nothing, refer nowhere, frame nowhere. */
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                    + " img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none';"
                    + " base-uri 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY",
            "Cache-Control", "no-store");

    private final HttpExchange exchange;
    private final List<String> segments;
    private final Map<String, String> query;
    private Map<String, String> form;

    Exchange(HttpExchange exchange) {
        this.exchange = exchange;
        List<String> path = new ArrayList<>();
        for (String segment : exchange.getRequestURI().getRawPath().split("/")) {
            if (!segment.isEmpty()) {
                path.add(Html.decode(segment, false));
            }
        }
        this.segments = List.copyOf(path);
        this.query = parameters(exchange.getRequestURI().getRawQuery());
    }

    String method() {
        return exchange.getRequestMethod();
    }

    /** The path's segments, each decoded: {@code /workflows/a%2Fb/live} is {@code [workflows, a/b, live]}. */
    List<String> segments() {
        return segments;
    }

    /** The query parameter {@code name}, or {@code null}; the first if it is repeated. */
    String query(String name) {
        return query.get(name);
    }

    /** The request header {@code name}, or {@code null}. */
    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The form parameter {@code name} of a POST, or {@code null}. */
    String form(String name) throws IOException {
        if (form == null) {
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = body.readNBytes(MAX_FORM_BYTES + 1);
                if (bytes.length > MAX_FORM_BYTES) {
                    throw new IllegalArgumentException("the form is larger than " + MAX_FORM_BYTES + " bytes");
                }
                form = parameters(new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return form.get(name);
    }

    /** Sends {@code body} with {@code status} and {@code contentType}, and the security headers. */
    void send(int status, String contentType, String body) throws IOException {
        send(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** Sends {@code body} with {@code status}, {@code contentType}, the security headers and {@code headers}. */
    void send(int status, String contentType, byte[] body, Map<String, String> headers) throws IOException {
        Headers response = exchange.getResponseHeaders();
        SECURITY_HEADERS.forEach(response::set);
        response.set("Content-Type", contentType);
        headers.forEach(response::set);
        boolean head = method().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /** Redirects with 303 See Other to {@code location}, a path of the UI. */
    void redirect(String location) throws IOException {
        send(303, HTML, new byte[0], Map.of("Location", location));
    }

    private static Map<String, String> parameters(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = Html.decode(equals < 0 ? pair : pair.substring(0, equals), true);
            String value = equals < 0 ? "" : Html.decode(pair.substring(equals + 1), true);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }
}
