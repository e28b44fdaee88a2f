/** Tests of regret, true rank, anytime regret and hypervolume. */
package dev.nasrank.harness.search.score;
