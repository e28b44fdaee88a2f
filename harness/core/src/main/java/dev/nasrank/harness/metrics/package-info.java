/** Rank-correlation metrics, bootstrap intervals and the noise ceiling used by the reporter. */
package dev.nasrank.harness.metrics;
