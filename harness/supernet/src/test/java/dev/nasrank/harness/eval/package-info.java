/**
 * Tests of the one-shot evaluation: the shared and the per-choice paths give identical results; CSV
 * rows.
 */
package dev.nasrank.harness.eval;
