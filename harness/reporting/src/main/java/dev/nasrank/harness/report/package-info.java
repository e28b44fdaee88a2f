/**
 * The reporter: reads a run directory, measures rankings against a ground truth, renders plots and
 * reports.
 */
package dev.nasrank.harness.report;
