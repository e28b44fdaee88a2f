/** Feature and Shadow-BN diagnostics of a trained supernet: pure computations on given arrays. */
package dev.nasrank.harness.report.diagnostics;
