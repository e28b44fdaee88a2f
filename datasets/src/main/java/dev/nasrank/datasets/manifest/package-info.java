/**
 * Checksummed dataset manifests (a JSON resource), verification of files under the data root, and
 * fetching.
 */
package dev.nasrank.datasets.manifest;
