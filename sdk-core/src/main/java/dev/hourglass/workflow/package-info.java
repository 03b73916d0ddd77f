/**
 * Public API for writing workflows: the annotations, the {@link dev.hourglass.workflow.Workflow} facade,
 * promises, cancellation scopes and sagas.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.hourglass.workflow;

import org.apiguardian.api.API;
