package com.example.determinism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.failure.NondeterministicCallError;

/** What every report of a forbidden call must say. */
final class CorpusAssertions {

    private CorpusAssertions() {
    }

    /**
     * Asserts that {@code thrown} carries a {@link NondeterministicCallError} naming {@code call}, the line of
     * {@code site} marked {@code at:<siteMarker>} in its class, {@code replacement}, and the workflow code that reached
     * it: the line of {@code workflow} marked {@code from:<fromMarker>}, or none when {@code fromMarker} is
     * {@code null} (the call is in the workflow code itself).
     */
    static NondeterministicCallError assertReported(Throwable thrown, String call, String replacement,
            Class<?> site, String siteMarker, Class<?> workflow, String fromMarker) {
        NondeterministicCallError error = Corpus.violation(thrown);
        assertThat(error).as("the NondeterministicCallError in %s", thrown).isNotNull();
        String message = error.getMessage();
        String siteLine = SourceLines.at(site, "at:" + siteMarker);
        assertThat(message).startsWith("workflow code called " + call + " at " + site.getName() + ".")
                .contains(replacement);
        if (fromMarker == null) {
            assertThat(message).contains(siteLine + ": it ").doesNotContain("reached from");
        } else {
            assertThat(message).contains(siteLine + ", reached from workflow code at " + workflow.getName() + ".")
                    .contains(SourceLines.at(workflow, "from:" + fromMarker) + ": it ");
        }
        return error;
    }
}
