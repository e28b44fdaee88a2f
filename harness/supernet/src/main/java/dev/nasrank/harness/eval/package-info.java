/**
 * One-shot evaluation of every S4 choice with inherited supernet weights, with and without BN
 * calibration.
 */
package dev.nasrank.harness.eval;
