/** Tests of the search strategies and neighbourhoods. */
package dev.nasrank.harness.search;
