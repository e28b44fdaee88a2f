/**
 * Statistics over a multi-seed study: per setting mean Kendall tau-b over seeds with a hierarchical
 * paired bootstrap interval (seeds, architectures and ground-truth repeats resampled, one draw
 * shared by all settings), and every pair of settings compared with a Holm-adjusted bootstrap
 * p-value, a verdict and a seeds-to-decide estimate.
 */
package dev.nasrank.harness.report.stats;
