/** Timed reports of the supernet training step and a memory soak, with a synthetic batch source. */
package dev.nasrank.harness.bench;
