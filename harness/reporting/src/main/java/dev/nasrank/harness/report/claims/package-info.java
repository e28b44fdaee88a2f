/**
 * The MixPath paper's eight claims (docs/mixpath.md) audited against a study: each with the paper's
 * figure where it gives one, our measurement, and a verdict reproduced / contradicted / undecided
 * at this budget.
 */
package dev.nasrank.harness.report.claims;
