/**
 * Tests of the study statistics' building blocks (Holm's step-down, the t of the space target with
 * Satterthwaite df, the equivalence test, the ceiling bound) and the simulation of the space
 * target's false-positive rate.
 */
package dev.nasrank.harness.report.stats;
