/** Tests of the claims' own tests (intersection-union, Holm over a claim's parts, equivalence). */
package dev.nasrank.harness.report.claims;
