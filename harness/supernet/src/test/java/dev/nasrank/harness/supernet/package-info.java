/**
 * Tests of the S4 supernet: shapes, paths, parameter counts, and the shared prefix bit-identical to
 * the plain pass.
 */
package dev.nasrank.harness.supernet;
