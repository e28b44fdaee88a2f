package dev.nasrank.harness.cli;

import dev.nasrank.datasets.DataRoot;
import dev.nasrank.datasets.manifest.DatasetEntry;
import dev.nasrank.datasets.manifest.DatasetFetcher;
import dev.nasrank.datasets.manifest.DatasetManifest;
import dev.nasrank.datasets.manifest.FileCheck;
import dev.nasrank.datasets.manifest.ManifestVerifier;
import dev.nasrank.datasets.manifest.SubsetWriter;
import dev.nasrank.harness.config.DataSplit;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code harness data}: check and fetch the CIFAR-10 files under the data root. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = {
      "Checks and fetches the CIFAR-10 files (Krizhevsky 2009) the harness trains on.",
      "Files live under the data root; see docs/datasets.md."
    },
    subcommands = {DataCommand.Verify.class, DataCommand.Fetch.class})
public final class DataCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Main.USAGE;
  }

  /** {@code harness data verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Checks every file a split needs: present, exact size, SHA-256 where the manifest has one.",
        "Prints OK / MISSING / MISMATCH per file with the expected and actual values; exits 1 if any is wrong."
      })
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataRootOption dataRoot;

    @Option(
        names = "--split",
        paramLabel = "SPLIT",
        defaultValue = "mini",
        description = {
          "mini (the 1,017-images-per-batch subset), nb101 or reference (the official binary "
              + "batches; full is read as nb101) or jpg (the JPEG zip). Default: ${DEFAULT-VALUE}."
        })
    String split;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      DataRoot root = dataRoot.resolve();
      DatasetEntry dataset = DatasetManifest.load().entry(datasetId(spec, split));
      out.println("data root: " + root.describeSource());
      out.println("dataset:   " + dataset.id() + " - " + dataset.title());
      out.println("integrity: " + dataset.integrity());
      int bad = 0;
      for (FileCheck check : ManifestVerifier.verify(root, dataset)) {
        out.println(check.describe());
        out.flush();
        bad += check.ok() ? 0 : 1;
      }
      out.printf("%d of %d files OK%n", dataset.files().size() - bad, dataset.files().size());
      return bad == 0 ? Main.OK : Main.FAILURE;
    }
  }

  /**
   * The dataset a {@code --split} value names: a split of {@link DataSplit} (the one vocabulary;
   * {@code full} reads as {@code nb101}) by the files it reads, or {@code jpg}, the JPEG archive.
   */
  static String datasetId(CommandSpec spec, String split) {
    if (split.equalsIgnoreCase("jpg")) {
      return DatasetManifest.CIFAR10_JPG;
    }
    try {
      return DataSplit.parse(split)
          .cifar10()
          .orElseThrow(() -> new IllegalArgumentException("the synthetic split has no files"))
          .datasetId();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "invalid value for --split: '"
              + split
              + "' ("
              + e.getMessage()
              + "; or jpg for the JPEG archive)");
    }
  }

  /** {@code harness data fetch}. */
  @Command(
      name = "fetch",
      mixinStandardHelpOptions = true,
      description = {
        "Downloads the official CIFAR-10 binary version (cifar-10-binary.tar.gz, ~162 MB), checks "
            + "the MD5 published on https://www.cs.toronto.edu/~kriz/cifar.html, extracts cifar-10-batches-bin/ "
            + "into the data root, then writes the mini split's files (the first 1,017 records of each batch) and "
            + "checks their SHA-256.",
        "Nothing half-written is left behind. Files already correct are not fetched again."
      })
  static final class Fetch implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataRootOption dataRoot;

    @Option(
        names = "--archive",
        paramLabel = "FILE",
        description =
            "Use this already downloaded cifar-10-binary.tar.gz instead of downloading (checked the same way).")
    Path archive;

    @Option(
        names = "--url",
        paramLabel = "URL",
        description =
            "Download from this address (a mirror) instead of the official one; the MD5 check is the same.")
    URI url;

    @Option(
        names = "--mini",
        negatable = true,
        defaultValue = "true",
        fallbackValue = "true",
        description =
            "Also write the mini split's files from the full batches (default: ${DEFAULT-VALUE}).")
    boolean mini;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      DataRoot root = dataRoot.resolve();
      DatasetManifest manifest = DatasetManifest.load();
      DatasetEntry full = manifest.entry(DatasetManifest.CIFAR10_BIN);
      out.println("data root: " + root.describeSource());
      if (ManifestVerifier.verify(root, full).stream().allMatch(FileCheck::ok)) {
        out.println("cifar-10-batches-bin/ is already complete; nothing to download");
      } else {
        try (ProgressBar bar =
            new ProgressBarBuilder()
                .setTaskName("download")
                .setUnit(" MB", 1 << 20)
                .setStyle(ProgressBarStyle.ASCII)
                .setInitialMax(-1)
                .build()) {
          DatasetFetcher fetcher =
              new DatasetFetcher(
                  msg -> {
                    out.println(msg);
                    out.flush();
                  },
                  (done, total) -> {
                    if (total > 0 && bar.getMax() != total) {
                      bar.maxHint(total);
                    }
                    bar.stepTo(done);
                  });
          DatasetFetcher.Result result =
              archive != null
                  ? fetcher.fromArchive(root, full, archive)
                  : url != null ? fetcher.fetch(root, full, url) : fetcher.fetch(root, full);
          out.printf(
              "extracted %d files (archive MD5 %s)%n", result.files().size(), result.archiveMd5());
        }
      }
      if (mini) {
        DatasetEntry miniEntry = manifest.entry(DatasetManifest.CIFAR10_MINI_BIN);
        List<Path> written = new ArrayList<>(SubsetWriter.write(root, full, miniEntry));
        out.printf(
            "mini split: %d files written, %d already correct%n",
            written.size(), miniEntry.files().size() - written.size());
      }
      return Main.OK;
    }
  }
}
