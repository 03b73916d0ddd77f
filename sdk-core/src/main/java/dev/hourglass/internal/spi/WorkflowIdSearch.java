package dev.hourglass.internal.spi;

/**
 * The search of workflow ids by a part of them ({@code ExecutionFilter.getWorkflowIdContains()}), the same on every
 * service: letters {@code A} to {@code Z} match {@code a} to {@code z} and every other character matches only itself.
 * Folding ASCII letters alone is what SQLite's {@code LOWER} does and what a store can do in SQL on every database,
 * so an in-memory service and a database find the same runs for the same search.
 */
public final class WorkflowIdSearch {

    /** The escape character of the {@code LIKE} patterns of {@link #likePattern(String)}. */
    public static final char LIKE_ESCAPE = '\\';

    private WorkflowIdSearch() {
    }

    /** Whether {@code workflowId} contains {@code part}, ASCII letters matched regardless of case. */
    public static boolean contains(String workflowId, String part) {
        return fold(workflowId).contains(fold(part));
    }

    /**
     * The {@code LIKE} pattern, with {@link #LIKE_ESCAPE} as its escape character, that matches the ASCII-lower-cased
     * ids containing {@code part}: {@code %}, {@code _} and the escape character in {@code part} match themselves.
     */
    public static String likePattern(String part) {
        StringBuilder pattern = new StringBuilder(part.length() + 2).append('%');
        for (char c : fold(part).toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                pattern.append(LIKE_ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    /** {@code text} with the letters {@code A} to {@code Z} turned into {@code a} to {@code z}, nothing else. */
    public static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }
}
