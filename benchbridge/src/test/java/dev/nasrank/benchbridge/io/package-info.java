/**
 * Tests of the TFRecord reader and writer, damaged and fuzzed files, parallel loading and the
 * partial dumps.
 */
package dev.nasrank.benchbridge.io;
