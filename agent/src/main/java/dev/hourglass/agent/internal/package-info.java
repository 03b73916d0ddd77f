/**
 * The determinism agent's internals: the catalog of nondeterministic calls, the call-site rewriting that checks
 * them at run time, and the bytecode walk of the static check.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.hourglass.agent.internal;

import org.apiguardian.api.API;
