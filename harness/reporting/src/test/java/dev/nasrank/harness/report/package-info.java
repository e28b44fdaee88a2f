/**
 * Tests of the report: rankings, statistics recomputed independently, claims, tables; synthetic
 * runs (SyntheticRun, TinyRun) shared with the CLI module's tests.
 */
package dev.nasrank.harness.report;
