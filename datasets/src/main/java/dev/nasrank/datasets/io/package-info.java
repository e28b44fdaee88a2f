/**
 * Readers of the CIFAR-10 binary batches and of JPEG image folders or zips, and streaming
 * checksums.
 */
package dev.nasrank.datasets.io;
