/**
 * Tests of the command line as a user runs it: exit codes, help, defaults from any working
 * directory, every command end to end.
 */
package dev.nasrank.harness.cli;
