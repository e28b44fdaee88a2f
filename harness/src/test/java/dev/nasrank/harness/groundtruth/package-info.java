/** Tests of ground-truth generation through the command line, in process and on Slurm. */
package dev.nasrank.harness.groundtruth;
