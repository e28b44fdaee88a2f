/** Tests of the settings vocabulary: names from values(), the settings a study lists. */
package dev.nasrank.harness.setting;
