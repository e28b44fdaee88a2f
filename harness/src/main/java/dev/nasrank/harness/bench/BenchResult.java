package dev.nasrank.harness.bench;

import java.util.List;

/**
 * Figures of a {@link TrainStepBenchmark} run.
 *
 * @param steps steps run (timed steps, or soak steps)
 * @param medianMs median milliseconds per step
 * @param p90Ms 90th percentile milliseconds per step
 * @param meanMs mean milliseconds per step
 * @param rssSamplesKb soak: (step, VmRSS in KiB) samples; empty for a timing run
 * @param rssBaselineKb soak: VmRSS at the end of the warm-up, KiB (0 for a timing run)
 * @param rssGrowthKb soak: last sample minus baseline, KiB
 * @param rssMaxGrowthKb soak: largest sample minus baseline, KiB
 * @param threads the torch thread settings in effect
 * @param cpuMedianMs median process CPU milliseconds per step (all threads, user + system; a loaded
 *     machine distorts it far less than wall time)
 * @param cpuMeanMs mean process CPU milliseconds per step
 * @param mainThreadCpuMedianMs median CPU milliseconds per step of the stepping thread alone (with
 *     one torch thread the kernels run on it; the rest of the process CPU is GC, JIT and torch
 *     worker threads)
 */
public record BenchResult(
    int steps,
    double medianMs,
    double p90Ms,
    double meanMs,
    List<long[]> rssSamplesKb,
    long rssBaselineKb,
    long rssGrowthKb,
    long rssMaxGrowthKb,
    String threads,
    double cpuMedianMs,
    double cpuMeanMs,
    double mainThreadCpuMedianMs) {}
