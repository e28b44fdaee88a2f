/**
 * Tests of the suite: plans, units, child processes, merge, audit and the CI baselines'
 * configuration hash, at a micro profile.
 */
package dev.nasrank.harness.suite;
