package dev.nasrank.harness.cli;

import dev.nasrank.benchbridge.GroundTruthSource;
import dev.nasrank.benchbridge.NasBench;
import dev.nasrank.benchbridge.io.PartialDump;
import dev.nasrank.harness.config.NetworkShape;
import dev.nasrank.harness.config.Seeds;
import dev.nasrank.harness.groundtruth.GroundTruthAssembler;
import dev.nasrank.harness.groundtruth.ParameterCount;
import dev.nasrank.harness.manifest.ManifestIo;
import dev.nasrank.harness.manifest.RunManifest;
import dev.nasrank.harness.metrics.BootstrapInterval;
import dev.nasrank.harness.report.fidelity.FidelityReport;
import dev.nasrank.harness.report.fidelity.FidelityStudy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness fidelity}: how a ground truth we trained ranks cells compared with NAS-Bench-101
 * itself.
 */
@Command(
    name = "fidelity",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compares a ground truth trained by 'groundtruth generate' (e.g. a --sample of NAS-Bench-101 cells at the "
          + "S4-mini protocol) with NAS-Bench-101 on the same cells: Kendall tau-b and Spearman with bootstrap "
          + "95%% intervals against NAS-Bench-101's short-budget and final validation accuracies and its "
          + "parameter counts, which must equal ours. Writes OUT/fidelity.csv, fidelity.md and plots.",
      "Works on a user's own files too, e.g. --nasbench nasbench_only108.tfrecord (mean of its 3 repeats; the "
          + "nasbench-vis dumps hold one repeat). Exit codes: 0 ok, 1 bad data, 2 usage."
    })
final class FidelityCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--groundtruth",
      required = true,
      paramLabel = "PATH",
      description =
          "Our ground truth: a 'groundtruth generate' folder or its groundtruth.tfrecord.")
  Path ours;

  @Option(
      names = "--nasbench",
      required = true,
      paramLabel = "FILE",
      description = "NAS-Bench-101: a TFRecord, its binary cache, or a nasbench-vis JSON dump.")
  Path nasbench;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Where the study goes.")
  Path out;

  @Option(
      names = "--epochs",
      paramLabel = "E",
      description = "Budget of our ground truth. Default: its largest.")
  Integer epochs;

  @Option(
      names = "--short-epochs",
      paramLabel = "E",
      defaultValue = "12",
      description = "NAS-Bench-101's short budget. Default: ${DEFAULT-VALUE}.")
  int shortEpochs;

  @Option(
      names = "--final-epochs",
      paramLabel = "E",
      defaultValue = "108",
      description = "NAS-Bench-101's final budget. Default: ${DEFAULT-VALUE}.")
  int finalEpochs;

  @Option(
      names = "--bootstrap",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Bootstrap resamples. Default: ${DEFAULT-VALUE}.")
  int resamples;

  @Option(
      names = "--bootstrap-seed",
      paramLabel = "SEED",
      defaultValue = Seeds.DEFAULT_TEXT,
      description = "Seed of the bootstrap. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    long start = System.nanoTime();
    Path file = Files.isDirectory(ours) ? ours.resolve(GroundTruthAssembler.TFRECORD) : ours;
    GroundTruthSource mine = NasBench.open(file);
    int e =
        epochs != null
            ? epochs
            : Arrays.stream(mine.epochBudgets())
                .max()
                .orElseThrow(() -> new IllegalArgumentException(file + " holds no records"));
    GroundTruthSource nb =
        nasbench.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
            ? PartialDump.visData(nasbench, null)
            : NasBench.open(nasbench);
    FidelityStudy.Result r =
        FidelityStudy.compute(
            mine,
            e,
            nb,
            shortEpochs,
            finalEpochs,
            s -> ParameterCount.network(s, NetworkShape.NASBENCH101),
            BootstrapInterval.defaults().withResamples(resamples).withSeed(seed));
    String sources =
        String.format(
            Locale.ROOT,
            "Ours: %s at %d epochs. NAS-Bench-101: %s at %d and %d epochs.",
            file,
            e,
            nasbench.getFileName(),
            shortEpochs,
            finalEpochs);
    FidelityReport.write(r, out, sources);
    writeManifest(file, e, (System.nanoTime() - start) / 1e9);
    o.printf(
        Locale.ROOT,
        "%d cells; parameter counts equal for %d%n",
        r.rows().size(),
        r.parameterMatches());
    for (FidelityStudy.Correlation c : r.correlations()) {
      o.printf(
          Locale.ROOT,
          "%-14s vs %-14s tau-b %6.3f [%6.3f, %6.3f]  spearman %6.3f%n",
          c.x(),
          c.y(),
          c.kendall().estimate(),
          c.kendall().low(),
          c.kendall().high(),
          c.spearman().estimate());
    }
    o.println("-> " + out.resolve("fidelity.md"));
    o.flush();
    return r.parameterMatches() == r.rows().size() ? Main.OK : Main.FAILURE;
  }

  /**
   * OUT/run.json: the study's configuration as given (paths as on the command line), the SHA-256 of
   * both files, the bootstrap seed, the commit of the checkout the code runs from.
   */
  private void writeManifest(Path file, int e, double seconds) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("groundTruth", file.toString());
    c.put("groundTruthEpochs", e);
    c.put("nasbench", nasbench.toString());
    c.put("shortEpochs", shortEpochs);
    c.put("finalEpochs", finalEpochs);
    c.put("bootstrapResamples", resamples);
    c.put("parameterCountNetwork", NetworkShape.NASBENCH101);
    RunManifest.Builder b =
        RunManifest.builder()
            .profile("fidelity")
            .configuration(c, List.of("groundTruth", "nasbench")) // their SHA-256s are in datasets
            .seed("bootstrap", seed)
            .dataset("groundtruth", file)
            .dataset("nasbench", nasbench)
            .device("cpu")
            .timing("study", seconds);
    ManifestIo.write(out.resolve("run.json"), b.build());
  }
}
