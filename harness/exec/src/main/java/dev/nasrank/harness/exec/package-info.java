/**
 * Running pieces of work in several processes or on a cluster: an OS file lock per piece of work
 * ({@link dev.nasrank.harness.exec.WorkLock}), removal of temporary files left by a killed atomic
 * write ({@link dev.nasrank.harness.exec.TempFiles}), child JVMs with this JVM's binary and
 * classpath and their own thread settings ({@link dev.nasrank.harness.exec.JvmLauncher}), and Slurm
 * job-array scripts with their submission ({@link dev.nasrank.harness.exec.SlurmJob}), and the
 * binding to the C library for calls the JVM lacks ({@link dev.nasrank.harness.exec.Glibc}).
 */
package dev.nasrank.harness.exec;
