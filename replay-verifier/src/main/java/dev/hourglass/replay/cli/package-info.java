/**
 * The replay gate's command line, {@code hourglass-replay verify}: replays a corpus of history files against
 * workflow classes and exits 0 (all compatible), 1 (some incompatible) or 2 (bad input or usage).
 *
 * <p>Its contract is the command line: the main class {@link dev.hourglass.replay.cli.HourglassReplay}, its options
 * and its exit codes. It is not a library API that user code compiles against (that is
 * {@link dev.hourglass.replay.ReplayGate}), so it is not one of the public API packages users import from.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.hourglass.replay.cli;

import org.apiguardian.api.API;
