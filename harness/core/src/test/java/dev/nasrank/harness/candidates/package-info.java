/**
 * Tests of candidates.csv: reading, errors naming file, line and value, the space column, old
 * files.
 */
package dev.nasrank.harness.candidates;
