package dev.nasrank.harness.setting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StudyTest {

  @Test
  void theMixPathStudyListsItsSettingsExplicitly() {
    assertEquals(
        List.of(
            "mixpath-none-m4",
            "mixpath-vanilla-m4",
            "mixpath-linear_sbn-m4",
            "mixpath-exponential_sbn-m4",
            "mixpath-simple_scaling-m4",
            "spos-vanilla-m4"),
        Study.mixpath(List.of(4)).settings().stream().map(SupernetSetting::id).toList());
    assertEquals(
        List.of(
            "mixpath-linear_sbn-m2",
            "mixpath-linear_sbn-m3",
            "mixpath-none-m4",
            "mixpath-vanilla-m4",
            "mixpath-linear_sbn-m4",
            "mixpath-exponential_sbn-m4",
            "mixpath-simple_scaling-m4",
            "spos-vanilla-m4"),
        Study.mixpath(List.of(4, 2, 3, 4)).settings().stream().map(SupernetSetting::id).toList());
    assertEquals(List.of(2, 3, 4), Study.mixpath(List.of(4, 2, 3)).maxPaths());
    assertEquals(4, Study.mixpath(List.of(2, 4)).mainMaxPaths());
    Study.mixpath(List.of(4)).settings().forEach(s -> assertEquals("s4", s.space()));
    Study.mixpath(List.of(4))
        .settings()
        .forEach(s -> assertEquals(CalibrationMode.EXACT, s.calibration()));
  }

  @Test
  void aStudyRefusesRepeatsAndNothing() {
    SupernetSetting a = SupernetSetting.s4(Method.MIXPATH, BnStrategy.VANILLA, 4);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Study(List.of(a, a)));
    assertEquals("setting mixpath-vanilla-m4 is listed twice", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Study(List.of()));
  }

  @Test
  void theSettingBuilderNamesWhatIsMissing() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> SupernetSetting.builder().setMethod(Method.SPOS).build());
    assertEquals("a setting needs bnStrategy, maxPaths: set them before build()", e.getMessage());
    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SupernetSetting.builder()
                    .setMethod(Method.SPOS)
                    .setBnStrategy(BnStrategy.VANILLA)
                    .setMaxPaths(2)
                    .optSpace("nb999")
                    .build());
    assertEquals(
        "unknown search space 'nb999' (known: s4, nb101, nb101-v4, nb101-v5, nb101-v6, "
            + "1shot1-ss1, 1shot1-ss2, 1shot1-ss3)",
        bad.getMessage());
  }

  @Test
  void namesParseAndListFromTheEnumsValues() {
    assertEquals("none, vanilla, linear_sbn, exponential_sbn, simple_scaling", BnStrategy.names());
    assertEquals("mixpath, spos", Method.names());
    assertEquals("exact, reference", CalibrationMode.names());
    // the files' spelling, '-' for '_', and the upper-case constants older checkpoints wrote
    assertEquals(BnStrategy.LINEAR_SBN, BnStrategy.parse("linear_sbn"));
    assertEquals(BnStrategy.LINEAR_SBN, BnStrategy.parse("linear-sbn"));
    assertEquals(BnStrategy.LINEAR_SBN, BnStrategy.parse("LINEAR_SBN"));
    assertEquals(Method.SPOS, Method.parse("SPOS"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BnStrategy.parse("shadow"));
    assertEquals(
        "unknown bn strategy 'shadow' (expected one of none, vanilla, linear_sbn, exponential_sbn,"
            + " simple_scaling)",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Method.parse("darts"));
    assertEquals("unknown method 'darts' (expected one of mixpath, spos)", e.getMessage());
  }

  @Test
  void aCellSpacesStudyIsMixPathUnderTheFiveStrategiesNamedWithoutM() {
    Study s = Study.cells("nb101");
    assertEquals(
        List.of(
            "nb101-mixpath-none",
            "nb101-mixpath-vanilla",
            "nb101-mixpath-linear_sbn",
            "nb101-mixpath-exponential_sbn",
            "nb101-mixpath-simple_scaling"),
        s.settings().stream().map(SupernetSetting::id).toList());
    assertEquals("nb101", s.space());
    assertEquals(List.of(SupernetSetting.CELL_MAX_PATHS), s.maxPaths());
    assertEquals("s4", Study.mixpath(List.of(2, 4)).space());
    assertEquals(
        "mixpath-linear_sbn-m4", SupernetSetting.s4(Method.MIXPATH, BnStrategy.LINEAR_SBN, 4).id());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SupernetSetting.builder()
                    .optSpace("1shot1-ss3")
                    .setMethod(Method.MIXPATH)
                    .setBnStrategy(BnStrategy.VANILLA)
                    .setMaxPaths(2)
                    .build());
    assertEquals(
        "max paths m is not a choice in space 1shot1-ss3: a sampled cell runs every vertex it has "
            + "(at most 4 summed inputs), so m must be 4, got 2",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Study.cells("s4"));
    IllegalStateException mixed =
        assertThrows(
            IllegalStateException.class,
            () ->
                new Study(
                        List.of(
                            SupernetSetting.s4(Method.MIXPATH, BnStrategy.NONE, 4),
                            SupernetSetting.cell("nb101", Method.MIXPATH, BnStrategy.NONE)))
                    .space());
    assertEquals("a study ranks one space; its settings name [s4, nb101]", mixed.getMessage());
  }
}
