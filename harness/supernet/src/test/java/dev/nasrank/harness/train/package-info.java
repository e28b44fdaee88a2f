/**
 * Tests of supernet training: path-exact SGD, resume, BN calibration, and bit-reproducibility under
 * forced collections and concurrent JVMs.
 */
package dev.nasrank.harness.train;
