/**
 * Types shared by the workflow, activity and client APIs: {@link dev.hourglass.common.RetryPolicy}, the
 * identity of a run ({@link dev.hourglass.common.WorkflowExecution}) and what may reuse a workflow id
 * ({@link dev.hourglass.common.WorkflowIdReusePolicy}). They sit below the other API packages so that none of
 * those depends on another in a cycle.
 *
 * <p>This is a public API package: user code may depend on everything in it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.hourglass.common;

import org.apiguardian.api.API;
