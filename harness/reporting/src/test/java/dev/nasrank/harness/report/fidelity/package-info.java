/** Tests of the proxy-fidelity study. */
package dev.nasrank.harness.report.fidelity;
