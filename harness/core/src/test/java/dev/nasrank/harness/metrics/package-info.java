/**
 * Tests of the rank metrics, the bootstrap interval and the noise ceiling against hand-computed
 * cases.
 */
package dev.nasrank.harness.metrics;
