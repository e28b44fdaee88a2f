/**
 * Proxy fidelity: how a ground truth trained by this project (e.g. the S4-mini protocol) ranks
 * NAS-Bench-101 cells compared with NAS-Bench-101's own accuracies and parameter counts. DJL-free.
 */
package dev.nasrank.harness.report.fidelity;
