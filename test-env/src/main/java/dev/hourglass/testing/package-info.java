/**
 * Public API of the Hourglass test environment: virtual time, time skipping and JUnit 5 support.
 */
package dev.hourglass.testing;
