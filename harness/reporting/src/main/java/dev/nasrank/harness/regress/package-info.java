/**
 * The ranking-regression check: committed baselines of Kendall tau (mean and sd over seeds), bands
 * derived from that noise and the run's seed count, and the check's console table, JUnit XML and
 * Markdown summary.
 */
package dev.nasrank.harness.regress;
