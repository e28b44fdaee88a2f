/** Tests of the CIFAR-10 binary reader against a JPEG reader of the same images. */
package dev.nasrank.datasets.io;
