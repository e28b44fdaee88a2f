/**
 * Tests of the shared configuration vocabulary: the seed default and the engine seed of a long
 * seed.
 */
package dev.nasrank.harness.config;
