package dev.hourglass.internal.timeline;

/**
 * Escapes text for HTML: the same escaping serves element text and quoted attribute values, so that no value can
 * open or close a tag, an attribute or an entity.
 */
final class Html {

    private Html() {
    }

    /**
     * {@code text} with {@code & < > " '} written as character references, and control characters other than tab,
     * line feed and carriage return (which HTML does not allow) and lone surrogates (which UTF-8 cannot encode) as
     * U+FFFD; {@code null} as the empty string.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = Character.isSurrogate(c) && !pairedSurrogate(text, i) ? "\uFFFD" : replacement(c);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** Whether the surrogate at {@code i} is half of a pair. */
    private static boolean pairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    private static String replacement(char c) {
        switch (c) {
            case '&':
                return "&amp;";
            case '<':
                return "&lt;";
            case '>':
                return "&gt;";
            case '"':
                return "&quot;";
            case '\'':
                return "&#39;";
            case '\t':
            case '\n':
            case '\r':
                return null;
            default:
                return c < 0x20 || c == 0x7f ? "\uFFFD" : null;
        }
    }
}
