package dev.nasrank.harness.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.nasrank.datasets.Cifar10Split;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one vocabulary of data splits for every command, profile and recorded configuration: the
 * CIFAR-10 splits of {@link Cifar10Split} and a synthetic one for tests and benchmarks. Written in
 * JSON and on the command line as the lowercase name ({@code mini}, {@code nb101}, {@code
 * reference}, {@code jpg}, {@code synthetic}).
 */
public enum DataSplit {
  /** 4,068 training / 1,017 validation / 1,017 test images ({@link Cifar10Split#MINI}). */
  MINI(Cifar10Split.MINI),
  /** NAS-Bench-101's 40,000 / 10,000 / 10,000 ({@link Cifar10Split#NB101}). */
  NB101(Cifar10Split.NB101),
  /** The MixPath reference code's 50,000 training images, evaluated on the test batch. */
  REFERENCE(Cifar10Split.REFERENCE),
  /**
   * NAS-Bench-101's 40,000 / 10,000 / 10,000 on the lossy JPEG copy of CIFAR-10 ({@link
   * Cifar10Split#JPG}).
   */
  JPG(Cifar10Split.JPG),
  /** Random images of fixed seeds, no files (tests, benchmarks). */
  SYNTHETIC(null);

  private final Cifar10Split cifar;

  DataSplit(Cifar10Split cifar) {
    this.cifar = cifar;
  }

  /** The CIFAR-10 split behind this one; empty for {@link #SYNTHETIC}. */
  public Optional<Cifar10Split> cifar10() {
    return Optional.ofNullable(cifar);
  }

  /** The name on the command line and in JSON, e.g. {@code nb101}. */
  @JsonValue
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The split of a name, case-insensitive; {@code full} (how ground-truth protocols written before
   * this vocabulary name NAS-Bench-101's split) reads as {@link #NB101}.
   *
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  @JsonCreator
  public static DataSplit parse(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("full")) {
      return NB101;
    }
    for (DataSplit s : values()) {
      if (s.cliName().equals(n)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown split '" + name + "' (expected one of " + names() + ")");
  }

  /** The accepted names, comma-separated. */
  public static String names() {
    return Arrays.stream(values()).map(DataSplit::cliName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return cliName();
  }
}
