/** Tests of the bench commands' measurement. */
package dev.nasrank.harness.bench;
