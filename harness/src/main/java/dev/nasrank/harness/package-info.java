/**
 * The harness: S4 supernets, the NAS-Bench-101 ground-truth trainer, the reporter and the command
 * line.
 */
package dev.nasrank.harness;
