/**
 * S4Supernet training: path-exact SGD, cosine schedule, checkpoints with resume, device choice, BN
 * post-calibration.
 */
package dev.nasrank.harness.train;
