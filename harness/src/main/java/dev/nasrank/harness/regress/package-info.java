/** The ranking-regression check: committed baselines of Kendall tau with tolerance bands, and the check of a run against one. */
package dev.nasrank.harness.regress;
