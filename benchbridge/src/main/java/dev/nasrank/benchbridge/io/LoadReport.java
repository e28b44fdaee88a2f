package dev.nasrank.benchbridge.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a load read and what it skipped (skip-corrupt mode): records kept, damaged records skipped
 * in all and per {@link CorruptRecordException.Kind}, bytes skipped, and the descriptions of the
 * first problems.
 *
 * @param records records kept
 * @param skippedRecords damaged records (or unframeable stretches, each counted once) skipped
 * @param skippedBytes bytes of the file in skipped records and stretches (0 for records skipped
 *     after framing)
 * @param skippedByKind {@code skippedRecords} by kind of damage; kinds with none are absent
 * @param problems descriptions (file, record, offset, what) of the first skipped problems
 */
public record LoadReport(
    long records,
    long skippedRecords,
    long skippedBytes,
    Map<CorruptRecordException.Kind, Long> skippedByKind,
    List<String> problems) {

  /** Most problem descriptions kept. */
  public static final int MAX_PROBLEMS = 20;

  /** Copies the map and the list. */
  public LoadReport {
    EnumMap<CorruptRecordException.Kind, Long> m = new EnumMap<>(CorruptRecordException.Kind.class);
    m.putAll(skippedByKind);
    skippedByKind = Collections.unmodifiableMap(m);
    problems = List.copyOf(problems);
  }

  /** A load that skipped nothing. */
  public static LoadReport clean(long records) {
    return new LoadReport(records, 0, 0, Map.of(), List.of());
  }

  /**
   * This report with {@code dropped} more records skipped after framing (kinds and problems added).
   */
  public LoadReport withDropped(
      long dropped, Map<CorruptRecordException.Kind, Long> kinds, List<String> more) {
    EnumMap<CorruptRecordException.Kind, Long> m = new EnumMap<>(CorruptRecordException.Kind.class);
    m.putAll(skippedByKind);
    kinds.forEach((k, v) -> m.merge(k, v, Long::sum));
    List<String> p = new ArrayList<>(problems);
    for (String s : more) {
      if (p.size() < MAX_PROBLEMS) {
        p.add(s);
      }
    }
    return new LoadReport(records - dropped, skippedRecords + dropped, skippedBytes, m, p);
  }

  /** E.g. {@code 3 (2 data checksum, 1 out of range), 1,234 bytes}, or {@code 0}. */
  public String describeSkipped() {
    if (skippedRecords == 0) {
      return "0";
    }
    return String.format(
        Locale.ROOT,
        "%,d (%s), %,d bytes",
        skippedRecords,
        skippedByKind.entrySet().stream()
            .map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey().label()))
            .collect(Collectors.joining(", ")),
        skippedBytes);
  }
}
