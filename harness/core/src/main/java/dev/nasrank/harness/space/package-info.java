/**
 * Search spaces as a concept ({@link dev.nasrank.harness.space.SearchSpace}, {@link
 * dev.nasrank.harness.space.Architecture}, {@link dev.nasrank.harness.space.CellPath}, {@link
 * dev.nasrank.harness.space.ArchitectureSampler}, resolved by id in {@link
 * dev.nasrank.harness.space.Spaces}) and MixPath's S4 space, the first of them: choices, their
 * NAS-Bench-101 specs and hashes, and the sampler.
 */
package dev.nasrank.harness.space;
