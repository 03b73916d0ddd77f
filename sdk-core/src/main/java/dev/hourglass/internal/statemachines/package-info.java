/**
 * Internal: the state machines of commands and events (activity, timer, child workflow, marker, signal,
 * cancellation, completion), each with its transitions declared in one table.
 */
package dev.hourglass.internal.statemachines;
