/**
 * The S4 multi-path search space of MixPath: choices, their NAS-Bench-101 specs and hashes, and the
 * sampler.
 */
package dev.nasrank.harness.space;
