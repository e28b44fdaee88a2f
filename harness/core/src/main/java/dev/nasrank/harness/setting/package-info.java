/**
 * The vocabulary of a study's settings, each name stated once: the one-shot method ({@link
 * dev.nasrank.harness.setting.Method}), the batch-norm strategy on summed paths ({@link
 * dev.nasrank.harness.setting.BnStrategy}) and the BN post-calibration protocol ({@link
 * dev.nasrank.harness.setting.CalibrationMode}), with the names every file and command uses; a
 * study's settings as values ({@link dev.nasrank.harness.setting.SupernetSetting}) and the list a
 * study runs ({@link dev.nasrank.harness.setting.Study}).
 */
package dev.nasrank.harness.setting;
