/**
 * The {@code suite} command's engine: profiles, resumable per-supernet units, combined results and
 * report.
 */
package dev.nasrank.harness.suite;
