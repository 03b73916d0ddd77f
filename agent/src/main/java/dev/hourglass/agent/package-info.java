/**
 * The determinism agent: it catches the calls that would break replay (the wall clock, randomness, threads,
 * blocking, I/O, the environment) in workflow code, at run time as they happen
 * ({@link dev.hourglass.agent.DeterminismAgent}) and statically in the bytecode of workflow classes before anything
 * runs ({@link dev.hourglass.agent.DeterminismCheck}).
 *
 * <p>This is a public API package: user code may depend on everything in it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.hourglass.agent;

import org.apiguardian.api.API;
