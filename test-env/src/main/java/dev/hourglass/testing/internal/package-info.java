/** Internal: the virtual clock, the time-skipping scheduler and the test environment's implementation. */
package dev.hourglass.testing.internal;
