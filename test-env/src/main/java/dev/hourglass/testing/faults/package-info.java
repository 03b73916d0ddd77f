/**
 * Fault plans and the fault fuzzer: infrastructure failures (activity attempts that fail, time out, are delayed or
 * lose their completion, worker crashes, signals at given times) scheduled into a seeded test environment, and
 * thousands of such schedules thrown at an invariant, the failing one shrunk to its smallest form.
 *
 * <p>This is a public API package: user code may depend on everything in it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.hourglass.testing.faults;

import org.apiguardian.api.API;
