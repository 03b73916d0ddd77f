/**
 * Public API for running workflow and activity code: {@link dev.hourglass.worker.WorkerFactory} and
 * {@link dev.hourglass.worker.Worker}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.hourglass.worker;

import org.apiguardian.api.API;
