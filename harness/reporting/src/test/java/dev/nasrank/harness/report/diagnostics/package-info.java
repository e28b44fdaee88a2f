/** Tests of the diagnostics file and its statistics. */
package dev.nasrank.harness.report.diagnostics;
