package dev.hourglass.agent.internal.check;

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
        /** The agent fails on nondeterministic calls: the check refuses the class. */
        FAIL
    }

    private InstalledAgent() {
    }

    /**
     * The mode of the agent installed in this JVM.
     *
     * <p>WIRING: the run-time agent is not part of this module yet, so no JVM has it installed. Once it is, this
     * returns {@code NOT_INSTALLED} when {@code DeterminismAgent.isInstalled()} is false, and otherwise {@code FAIL}
     * or {@code LOG} after {@code DeterminismAgent.getMode()}.
     */
    public static Mode mode() {
        return Mode.NOT_INSTALLED;
    }
}
