package dev.nasrank.datasets;

/**
 * A file images were read from, for run manifests.
 *
 * @param path absolute path of the file
 * @param bytes file size in bytes
 * @param sha256 lowercase hex SHA-256 of the whole file as read, or null when it was not computed
 * @param records number of images taken from the file
 */
public record SourceFile(String path, long bytes, String sha256, int records) {}
