/**
 * Public API for interceptors on the worker side: {@link dev.hourglass.interceptors.WorkerInterceptor} wraps the calls
 * into workflow code (the workflow method, signals, queries), the calls workflow code makes (activities, timers,
 * child workflows, side effects…) and the calls into activity code. Client-side interceptors are in
 * {@code dev.hourglass.client}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.hourglass.interceptors;

import org.apiguardian.api.API;
