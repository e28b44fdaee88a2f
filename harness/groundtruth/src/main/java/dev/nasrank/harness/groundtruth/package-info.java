/**
 * The project's own NAS-Bench-101-style ground truth: the NB101 network for any cell, a
 * from-scratch trainer with a recorded protocol profile, resumable generation, and output in the
 * NAS-Bench-101 TFRecord format.
 */
package dev.nasrank.harness.groundtruth;
