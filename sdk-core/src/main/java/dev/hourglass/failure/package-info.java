/**
 * The failures that workflow, activity and client code see.
 *
 * <p>Subclasses of {@link dev.hourglass.failure.HourglassFailure} are business failures: workflow code may
 * catch them, and one thrown out of a workflow method fails the workflow execution.
 * {@link dev.hourglass.failure.NonDeterministicException}, {@link dev.hourglass.failure.NondeterministicCallError}
 * and {@link dev.hourglass.failure.PotentialDeadlockException} are not: they fail the workflow task, so the
 * execution resumes once the code is fixed and redeployed.
 *
 * <p>This is a public API package: user code may depend on everything in it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.hourglass.failure;

import org.apiguardian.api.API;
