/**
 * Tests of the CIFAR-10 loading and the data root, and {@link dev.nasrank.datasets.TestData}, the
 * one helper every module's tests use to find the shared data.
 */
package dev.nasrank.datasets;
