/**
 * Public API of the determinism agent: {@link dev.hourglass.agent.DeterminismAgent}, which makes nondeterministic
 * calls of workflow code fail (or be logged) as they happen.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.hourglass.agent;

import org.apiguardian.api.API;
