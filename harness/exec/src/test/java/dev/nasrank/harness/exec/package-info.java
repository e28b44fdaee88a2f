/** Tests of the Slurm scripts and the work locks. */
package dev.nasrank.harness.exec;
