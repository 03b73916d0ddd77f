/**
 * Public service SPI: the durable side of Hourglass that stores histories, task queues, timers and activity
 * retries. {@link dev.hourglass.service.WorkflowService#inMemory()} gives the in-memory implementation; the
 * durable stores and the virtual-clock test environment plug in behind the same interface.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.hourglass.service;

import org.apiguardian.api.API;
