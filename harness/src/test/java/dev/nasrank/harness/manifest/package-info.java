/** Tests of data verification and of what a run manifest records (the DJL version among it). */
package dev.nasrank.harness.manifest;
