/**
 * Tests of the search-space concept on S4: enumeration, membership, ids, supernet paths, samplers
 * and seeded samples.
 */
package dev.nasrank.harness.space;
