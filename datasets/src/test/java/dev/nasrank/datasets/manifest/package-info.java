/** Tests of the dataset manifests, their checksums and the all-or-nothing fetcher. */
package dev.nasrank.datasets.manifest;
