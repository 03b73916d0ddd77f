/**
 * The history of a workflow execution: the ordered events it is made of, and their JSON form.
 *
 * <p>{@link dev.hourglass.history.History} holds one execution's events,
 * {@link dev.hourglass.history.HistoryEvent} one event and {@link dev.hourglass.history.EventType} what
 * kind of event it is. {@link dev.hourglass.history.History#toJson()} and
 * {@link dev.hourglass.history.History#fromJson(String)} convert to and from history format version 1,
 * which {@code docs/history-format.md} describes field by field.
 *
 * <p>This is a public API package: user code may depend on everything in it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.hourglass.history;

import org.apiguardian.api.API;
