/**
 * The machinery of the fault fuzzer: the environment that remembers which executions a trial named, the report,
 * and the JUnit 5 extension behind {@code @FaultFuzzTest}.
 *
 * <p>This is an internal package: user code must not depend on it; it changes without notice.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.hourglass.testing.faults.internal;

import org.apiguardian.api.API;
