/**
 * Run manifests (run.json): source revision, configuration hash, seeds, data digests, environment;
 * and their field-by-field diff.
 */
package dev.nasrank.harness.manifest;
