/**
 * DJL blocks of the S4 supernet: MixPath and SPOS cells, choice nodes, batch-norm strategies on the
 * summed paths.
 */
package dev.nasrank.harness.supernet;
