package dev.nasrank.harness.bench;

import com.sun.jna.Library;
import dev.nasrank.harness.exec.Glibc;

/**
 * The kernel's accounting of this process or of the calling thread, from {@code getrusage(2)}
 * ({@code RUSAGE_SELF}, {@code RUSAGE_THREAD}; Linux with glibc), plus a monotonic wall clock.
 *
 * @param wallNanos {@link System#nanoTime()} when sampled, ns
 * @param userMicros CPU time in user mode, microseconds
 * @param sysMicros CPU time in the kernel (page faults, madvise/munmap, scheduling), microseconds
 * @param minorFaults page faults served without I/O (a freshly mapped page touched for the first
 *     time)
 * @param majorFaults page faults that needed I/O
 * @param involuntarySwitches times the scheduler took the CPU away (a sign of a busy machine)
 */
public record ResourceUsage(
    long wallNanos,
    long userMicros,
    long sysMicros,
    long minorFaults,
    long majorFaults,
    long involuntarySwitches) {

  private static final int RUSAGE_SELF = 0;
  private static final int RUSAGE_THREAD = 1;

  /** {@code struct rusage} on 64-bit Linux: two {@code timeval}s (2 longs each), then 14 longs. */
  private static final int RUSAGE_LONGS = 18;

  /** The C library function used. */
  interface LibC extends Library {
    int getrusage(int who, long[] usage);
  }

  private static final class Holder {
    static final LibC C = Glibc.load(LibC.class);
  }

  /** Whether this platform can be measured (Linux with a C library JNA can load). */
  public static boolean available() {
    return Holder.C != null;
  }

  /** The whole process (all threads, finished ones included). */
  public static ResourceUsage process() {
    return sample(RUSAGE_SELF);
  }

  /** The calling thread only. */
  public static ResourceUsage thread() {
    return sample(RUSAGE_THREAD);
  }

  private static ResourceUsage sample(int who) {
    if (Holder.C == null) {
      throw new UnsupportedOperationException("getrusage is only read on Linux with glibc");
    }
    long[] r = new long[RUSAGE_LONGS];
    long now = System.nanoTime();
    if (Holder.C.getrusage(who, r) != 0) {
      throw new IllegalStateException("getrusage(" + who + ") failed");
    }
    // ru_utime, ru_stime (sec, usec), ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt,
    // ru_majflt, ru_nswap,
    // ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw
    return new ResourceUsage(
        now, r[0] * 1_000_000 + r[1], r[2] * 1_000_000 + r[3], r[8], r[9], r[17]);
  }

  /** This sample minus an earlier one. */
  public ResourceUsage minus(ResourceUsage earlier) {
    return new ResourceUsage(
        wallNanos - earlier.wallNanos,
        userMicros - earlier.userMicros,
        sysMicros - earlier.sysMicros,
        minorFaults - earlier.minorFaults,
        majorFaults - earlier.majorFaults,
        involuntarySwitches - earlier.involuntarySwitches);
  }

  /** The sum of two differences. */
  public ResourceUsage plus(ResourceUsage other) {
    return new ResourceUsage(
        wallNanos + other.wallNanos,
        userMicros + other.userMicros,
        sysMicros + other.sysMicros,
        minorFaults + other.minorFaults,
        majorFaults + other.majorFaults,
        involuntarySwitches + other.involuntarySwitches);
  }

  /** All zero: the start of a sum. */
  public static ResourceUsage zero() {
    return new ResourceUsage(0, 0, 0, 0, 0, 0);
  }

  /** Wall seconds of a difference. */
  public double wallSeconds() {
    return wallNanos / 1e9;
  }

  /** CPU seconds (user + kernel) of a difference. */
  public double cpuSeconds() {
    return (userMicros + sysMicros) / 1e6;
  }

  /** The kernel's share of the CPU time, a fraction in [0, 1] (0 without CPU time). */
  public double kernelShare() {
    long cpu = userMicros + sysMicros;
    return cpu == 0 ? 0 : sysMicros / (double) cpu;
  }
}
