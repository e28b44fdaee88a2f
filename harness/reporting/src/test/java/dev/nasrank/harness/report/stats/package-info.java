/** Tests of the study statistics' building blocks (Holm's step-down). */
package dev.nasrank.harness.report.stats;
