package dev.hourglass.testing.faults;

import org.apiguardian.api.API;

/**
 * What a {@link FaultFuzzer} runs once per trial: run the workflows under the trial's environment options and
 * throw (an {@link AssertionError}, or any exception) when an invariant breaks.
 *
 * <pre>{@code
 * FuzzBody body = trial -> {
 *     try (TestWorkflowEnvironment env = trial.newEnvironment()) {
 *         // register workers, start, run a transfer, then:
 *         assertThat(bank.total()).isEqualTo(total);
 *     }
 * };
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface FuzzBody {

    /**
     * Runs one trial.
     *
     * @param trial the trial: its seed, its plan and the environment options made of them; never {@code null}
     * @throws Exception when an invariant breaks; so does an {@link AssertionError}
     */
    void run(FuzzTrial trial) throws Exception;
}
