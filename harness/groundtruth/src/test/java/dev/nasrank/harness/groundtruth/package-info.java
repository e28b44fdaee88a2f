/**
 * Tests of the NAS-Bench-101 network, its trainer and units, parameter counts against NAS-
 * Bench-101's, and the embedded ground truth; shared helpers (SyntheticData) for the CLI module's
 * tests.
 */
package dev.nasrank.harness.groundtruth;
