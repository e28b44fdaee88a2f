package dev.nasrank.harness.groundtruth;

import dev.nasrank.datasets.Cifar10;
import dev.nasrank.datasets.Cifar10Split;
import dev.nasrank.datasets.Cifar10Split.Part;
import dev.nasrank.datasets.CifarImages;
import dev.nasrank.datasets.DataRoot;
import dev.nasrank.datasets.SourceFile;
import dev.nasrank.datasets.djl.CifarBatches;
import dev.nasrank.harness.manifest.DataVerification;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Loads the CIFAR-10 parts a {@link Profile} names into a {@link GroundTruthData}. */
public final class CifarGroundTruthData {
  private CifarGroundTruthData() {}

  /**
   * Loads train, validation and test parts. Training batches are shuffled per repeat seed and, when
   * the profile says so, augmented with random crop (4-pixel padding) and horizontal flip (no
   * Cutout); evaluation batches are in file order without augmentation. Unless the root's
   * verification is off, every file of the split is first checked against the dataset manifest
   * ({@link DataVerification}).
   */
  public static GroundTruthData load(DataRoot root, Profile profile) {
    Cifar10Split split =
        profile
            .split()
            .cifar10()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "profile "
                            + profile.name()
                            + " names split "
                            + profile.split()
                            + ", which has no CIFAR-10 files"));
    DataVerification.verifySplit(root, split);
    CifarImages train = Cifar10.load(root, split, Part.TRAIN);
    CifarImages validation = Cifar10.load(root, split, Part.VALIDATION);
    CifarImages test = Cifar10.load(root, split, Part.TEST);
    Map<String, String> sums = new TreeMap<>();
    for (CifarImages part : new CifarImages[] {train, validation, test}) {
      for (SourceFile f : part.sources()) {
        if (f.sha256() != null) {
          sums.put(Path.of(f.path()).getFileName().toString(), f.sha256());
        }
      }
    }
    return new GroundTruthData(
        profile.split(),
        seed ->
            CifarBatches.builder(train)
                .optBatchSize(profile.batchSize())
                .optAugment(profile.augment())
                .optCutout(0)
                .optShuffle(true)
                .optSeed(seed)
                .build(),
        eval(train, profile),
        eval(validation, profile),
        eval(test, profile),
        sums);
  }

  private static CifarBatches eval(CifarImages images, Profile profile) {
    return CifarBatches.builder(images)
        .optBatchSize(profile.evalBatchSize())
        .optAugment(false)
        .optShuffle(false)
        .build();
  }
}
