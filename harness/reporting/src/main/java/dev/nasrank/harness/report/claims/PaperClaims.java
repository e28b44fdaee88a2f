package dev.nasrank.harness.report.claims;

import dev.nasrank.harness.candidates.Candidate;
import dev.nasrank.harness.report.diagnostics.DiagnosticsFile;
import dev.nasrank.harness.report.stats.StudyStatistics;
import java.util.List;

/**
 * Audits the MixPath paper's eight claims (docs/mixpath.md; issue 10) against a study. Claims 1-6
 * are orderings of settings tested on the study's pairs ({@link OrderingClaims}); claim 7 reads the
 * Shadow-BN diagnostics ({@link SbnLemmaClaim}); claim 8 compares one-shot accuracies ({@link
 * AccuracyGapClaim}).
 */
public final class PaperClaims {
  private PaperClaims() {}

  /**
   * The eight claims, in order.
   *
   * @param st the study's statistics
   * @param sbnLayers the Shadow-BN layers of diagnostics.json (empty without one)
   * @param candidates every candidate row of the run (all m), one-shot accuracies as fractions
   * @param resamples bootstrap resamples of claim 8's interval
   * @param seed bootstrap seed of claim 8's interval
   * @param margin equivalence margin of claim 4's "does not profit" (tau units)
   */
  public static List<ClaimResult> audit(
      StudyStatistics st,
      List<DiagnosticsFile.SbnLayer> sbnLayers,
      List<Candidate> candidates,
      int resamples,
      long seed,
      double margin) {
    OrderingClaims o = new OrderingClaims(st, margin);
    return List.of(
        o.calibrationRaisesTau(),
        o.withoutShadowBnRanksPoorly(),
        o.linearSbnCalibratedIsBest(),
        o.linearBeatsExponential(),
        o.simpleScalingBetween(),
        o.mixpathBeatsSpos(),
        SbnLemmaClaim.audit(sbnLayers),
        AccuracyGapClaim.audit(candidates, resamples, seed, st.alpha()));
  }
}
