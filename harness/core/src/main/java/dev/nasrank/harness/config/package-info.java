/**
 * The configuration vocabulary shared by the supernet trainer, the ground-truth trainer and the
 * suite, as records with each default stated once: {@link dev.nasrank.harness.config.NetworkShape}
 * (the macro skeleton every network of this project shares), {@link
 * dev.nasrank.harness.config.Optimizer} (SGD with a cosine schedule), {@link
 * dev.nasrank.harness.config.EvalBudget} (one-shot evaluation and BN post-calibration) and {@link
 * dev.nasrank.harness.config.DataSplit} (the one vocabulary of data splits). Profiles are built
 * from them and {@code run.json} serialises them as they ran. No DJL.
 */
package dev.nasrank.harness.config;
