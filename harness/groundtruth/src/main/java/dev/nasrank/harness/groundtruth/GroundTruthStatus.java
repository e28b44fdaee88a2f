package dev.nasrank.harness.groundtruth;

import dev.nasrank.benchbridge.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Progress of a generation folder and, with two or more repeats, its noise ceiling.
 *
 * @param profile the pinned profile (null if the folder was never started)
 * @param architectures architectures pinned (0 if unknown)
 * @param repeats repeats expected
 * @param finished finished units
 * @param perRepeat finished units per repeat index
 * @param secondsSpent sum of the finished units' total times
 * @param secondsLeft estimate: mean unit time x units left (NaN before the first unit)
 * @param validation noise ceiling over the final validation accuracy
 * @param test noise ceiling over the final test accuracy
 */
public record GroundTruthStatus(
    Profile profile,
    int architectures,
    int repeats,
    int finished,
    Map<Integer, Integer> perRepeat,
    double secondsSpent,
    double secondsLeft,
    NoiseCeiling validation,
    NoiseCeiling test) {

  /** Reads the folder of {@code store}. */
  public static GroundTruthStatus of(UnitStore store, int repeats) throws IOException {
    Profile profile = store.recordedProfile();
    Path archFile = store.dir().resolve(GroundTruthAssembler.ARCHITECTURES);
    List<ModelSpec> specs =
        Files.isRegularFile(archFile) ? Architectures.read(archFile) : List.of();
    List<UnitResult> units = store.loadAll();
    Map<Integer, Integer> perRepeat = new TreeMap<>();
    double spent = 0;
    for (UnitResult u : units) {
      perRepeat.merge(u.repeat(), 1, Integer::sum);
      spent += u.totalTimeSeconds();
    }
    int expected = specs.size() * repeats;
    double left =
        units.isEmpty() ? Double.NaN : spent / units.size() * Math.max(0, expected - units.size());
    return new GroundTruthStatus(
        profile,
        specs.size(),
        repeats,
        units.size(),
        perRepeat,
        spent,
        left,
        NoiseCeiling.validation(units),
        NoiseCeiling.test(units));
  }

  /** Human-readable report. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(Locale.ROOT, "profile: %s%n", profile == null ? "(none)" : profile.name()));
    int expected = architectures * repeats;
    sb.append(
        String.format(
            Locale.ROOT,
            "units: %d of %d (%d architectures x %d repeats), %.1f%%%n",
            finished,
            expected,
            architectures,
            repeats,
            expected == 0 ? 0.0 : 100.0 * finished / expected));
    perRepeat.forEach(
        (r, n) ->
            sb.append(String.format(Locale.ROOT, "  repeat %d: %d of %d%n", r, n, architectures)));
    sb.append(
        String.format(
            Locale.ROOT,
            "unit time spent: %s; estimated unit time left: %s (one process; divide "
                + "by the shards running in parallel)%n",
            duration(secondsSpent),
            Double.isNaN(secondsLeft) ? "unknown" : duration(secondsLeft)));
    for (NoiseCeiling c : new NoiseCeiling[] {validation, test}) {
      if (c.pairs().isEmpty()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "noise ceiling (%s): needs two repeats of two architectures%n",
                c.metric()));
      } else {
        sb.append(
            String.format(
                Locale.ROOT,
                "noise ceiling (%s, Kendall tau-b between repeats): mean %.3f",
                c.metric(),
                c.meanTau()));
        c.pairs()
            .forEach(
                (k, v) ->
                    sb.append(
                        String.format(
                            Locale.ROOT, "; %s: %.3f over %d", k, v, c.architectures().get(k))));
        sb.append(System.lineSeparator());
      }
    }
    return sb.toString();
  }

  static String duration(double seconds) {
    Duration d = Duration.ofSeconds(Math.round(seconds));
    return String.format(
        Locale.ROOT, "%dh%02dm%02ds", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }
}
