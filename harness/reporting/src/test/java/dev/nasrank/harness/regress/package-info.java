/**
 * Tests of the regression check: baselines, noise bands, verdicts and their JUnit and Markdown
 * reports.
 */
package dev.nasrank.harness.regress;
