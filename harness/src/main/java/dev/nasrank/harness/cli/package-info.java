/**
 * Picocli commands of {@code harness.jar}: thin wrappers that parse options and delegate to the
 * library.
 */
package dev.nasrank.harness.cli;
