/**
 * The vocabulary of a study's settings: the one-shot method ({@link
 * dev.nasrank.harness.setting.Method}) and the batch-norm strategy on summed paths ({@link
 * dev.nasrank.harness.setting.BnStrategy}), with the names every file and command uses.
 */
package dev.nasrank.harness.setting;
