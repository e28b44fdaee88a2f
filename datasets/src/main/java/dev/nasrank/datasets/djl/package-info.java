/**
 * DJL views of CIFAR-10 image sets: seeded batching with plain-Java augmentation, and a
 * RandomAccessDataset.
 */
package dev.nasrank.datasets.djl;
