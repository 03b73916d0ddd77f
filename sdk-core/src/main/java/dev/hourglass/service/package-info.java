/**
 * The service that stores workflow executions: {@link dev.hourglass.service.WorkflowService}, created with
 * {@link dev.hourglass.service.WorkflowService#inMemory()}, and its tuning, {@link
 * dev.hourglass.service.ServiceOptions}. The protocol between clients, workers and the service is internal.
 *
 * <p>This is a public API package: user code may depend on everything in it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.hourglass.service;

import org.apiguardian.api.API;
