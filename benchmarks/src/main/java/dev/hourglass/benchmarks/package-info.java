/** Benchmarks of the Hourglass test environment: JMH benchmarks and a whole-run benchmark main. */
package dev.hourglass.benchmarks;
