package dev.hourglass.agent.internal.check;

import dev.hourglass.agent.DeterminismAgent;

/**
 * What the static check needs to know of the run-time determinism agent: whether it is installed in this JVM, and
 * whether it fails or logs. This is the one place the check asks.
 */
public final class InstalledAgent {

    /** How the check at registration acts. */
    public enum Mode {
        /** The agent is not installed: workers register classes unchecked, at no cost. */
        NOT_INSTALLED,
        /** The agent logs nondeterministic calls: the check logs its report as a warning. */
        LOG,
        /** The agent fails on nondeterministic calls: the check logs its report as a warning, saying so. */
        FAIL
    }

    private InstalledAgent() {
    }

    /** The mode of the agent installed in this JVM, read each time (the agent may be installed at any moment). */
    public static Mode mode() {
        DeterminismAgent.Mode mode = DeterminismAgent.getMode();
        if (mode == null) {
            return Mode.NOT_INSTALLED;
        }
        return mode == DeterminismAgent.Mode.FAIL ? Mode.FAIL : Mode.LOG;
    }
}
