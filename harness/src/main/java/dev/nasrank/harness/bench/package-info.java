/**
 * Timed reports (not tests): the supernet training step and a memory soak with a synthetic batch
 * source ({@link dev.nasrank.harness.bench.TrainStepBenchmark}), and one suite unit measured phase
 * by phase with the kernel's accounting of CPU time, kernel share and page faults ({@link
 * dev.nasrank.harness.bench.UnitBenchmark}).
 */
package dev.nasrank.harness.bench;
