package dev.hourglass.cli.ui;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The one place where text becomes HTML or part of a URL: every value that comes from a store (workflow ids, types,
 * inputs, failure messages) goes through {@link #escape(String)} or {@link #encode(String)} before it reaches a page.
 */
final class Html {

    private Html() {
    }

    /**
     * {@code text} safe in HTML text and in a quoted attribute value: {@code & < > " '} become character references;
     * {@code null} becomes the empty string.
     */
    static String escape(Object text) {
        if (text == null) {
            return "";
        }
        String value = text.toString();
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * {@code text} percent-encoded as a URL path segment or query value: letters, digits and {@code - . _ ~} are
     * kept, every other character is written as the {@code %XX} of its UTF-8 bytes.
     */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }

    /**
     * The text that {@code encoded} percent-encodes; with {@code plusIsSpace}, as in a form or a query, {@code +} is
     * a space.
     *
     * @throws IllegalArgumentException if a {@code %} is not followed by two hexadecimal digits
     */
    static String decode(String encoded, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length() || Character.digit(encoded.charAt(i + 1), 16) < 0
                        || Character.digit(encoded.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("bad percent-encoding in '" + encoded + "' at " + i);
                }
                bytes.write(Character.digit(encoded.charAt(i + 1), 16) * 16 + Character.digit(encoded.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The path of a workflow's page, and of its sub-pages with {@code suffix} (such as {@code "/live"}). */
    static String workflowPath(String workflowId, String suffix) {
        return "/workflows/" + encode(workflowId) + suffix;
    }

    /** {@code path} with the query of the parameters whose values are not {@code null} or empty, encoded. */
    static String withQuery(String path, Map<String, ?> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (value != null && !value.toString().isEmpty()) {
                query.add(encode(name) + "=" + encode(value.toString()));
            }
        });
        return path + query;
    }

    /** A whole page: the head with the style sheets and the script (all served by the UI), a header and the body. */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " · Hourglass</title>"
                + "<link rel=\"stylesheet\" href=\"/static/ui.css\">"
                + "<link rel=\"stylesheet\" href=\"/static/timeline.css\">"
                + "<script src=\"/static/ui.js\" defer></script></head>\n<body>"
                + "<header class=\"top\"><a class=\"brand\" href=\"/\">Hourglass</a></header>\n<main>\n" + body
                + "</main>\n</body></html>\n";
    }
}
