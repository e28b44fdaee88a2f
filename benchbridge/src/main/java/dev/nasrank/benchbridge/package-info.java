/**
 * NAS-Bench-101 ground truth without TensorFlow: cell specifications, the reference graph hash, the
 * search space, and the dataset API with the reference query semantics.
 */
package dev.nasrank.benchbridge;
