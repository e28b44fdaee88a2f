/** Tests of the search of a run folder. */
package dev.nasrank.harness.search.stage;
