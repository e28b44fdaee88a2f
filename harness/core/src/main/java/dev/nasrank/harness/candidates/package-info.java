/**
 * candidates.csv, the file between the supernet side and the reporter: one row per setting, seed
 * and evaluated architecture with its one-shot accuracy (a fraction in [0,1]); one reader and
 * writer ({@link dev.nasrank.harness.candidates.CandidatesCsv}).
 */
package dev.nasrank.harness.candidates;
