package dev.nasrank.harness.eval;

import java.nio.file.Path;
import java.util.List;

/**
 * Outcome of {@link OneShotRun#evaluate}.
 *
 * @param device device used
 * @param candidates one row per (choice, calibrated)
 * @param architectures one row per (unique NAS-Bench-101 hash, calibrated)
 * @param candidatesCsv file written with the candidates
 * @param architecturesCsv file written with the architectures
 */
public record EvaluateResult(
    String device,
    List<CandidateResult> candidates,
    List<ArchitectureResult> architectures,
    Path candidatesCsv,
    Path architecturesCsv) {}
