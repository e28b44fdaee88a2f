/**
 * CIFAR-10 readers, checksummed dataset manifests, the data root, splits, and DJL datasets with
 * augmentation.
 */
package dev.nasrank.datasets;
