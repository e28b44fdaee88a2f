/**
 * JMH benchmarks of the NAS-Bench-101 bridge: TFRecord load, cache load, graph hashing,
 * enumeration.
 */
package dev.nasrank.benchmarks;
