/**
 * Internal: the deterministic runner of workflow code, replay of histories and nondeterminism detection.
 */
package dev.hourglass.internal.replay;
