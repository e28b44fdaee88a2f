/**
 * DJL blocks of the supernets: the S4 supernet (MixPath and SPOS cells, choice nodes) and the
 * NAS-Bench-101 cell-space supernet ({@link dev.nasrank.harness.supernet.CellSupernet},
 * docs/cellnet.md), with the batch-norm strategies on summed paths they share.
 */
package dev.nasrank.harness.supernet;
