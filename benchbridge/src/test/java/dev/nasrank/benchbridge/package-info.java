/**
 * Tests of the NAS-Bench-101 port: golden graph hashes, spec validation and pruning, the enumerated
 * space, the cache (damage and fuzz) and the CSV export.
 */
package dev.nasrank.benchbridge;
