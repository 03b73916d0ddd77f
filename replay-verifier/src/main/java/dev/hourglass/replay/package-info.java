/**
 * Replay of recorded workflow histories against workflow code, to prove that a code change is compatible
 * with executions that are already running.
 *
 * <p>{@link dev.hourglass.replay.WorkflowReplayer} replays one history, given as a
 * {@link dev.hourglass.history.History} or as a history file.
 *
 * <p>This is a public API package: user code may depend on everything in it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.hourglass.replay;

import org.apiguardian.api.API;
