/**
 * NAS-Bench-101 files: TFRecord framing, the record payload codec, the binary cache and
 * partial-dump importers.
 */
package dev.nasrank.benchbridge.io;
