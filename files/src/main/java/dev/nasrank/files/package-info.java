/**
 * File mechanisms every module shares, one implementation each: atomic writes ({@link
 * dev.nasrank.files.AtomicFiles}) and message digests ({@link dev.nasrank.files.Checksums}).
 */
package dev.nasrank.files;
