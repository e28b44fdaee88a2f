package dev.nasrank.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void exitCodesFollowTheContract() {
    assertEquals(Main.OK, Main.run("--help"));
    assertEquals(Main.USAGE, Main.run("no-such-command"));
    assertEquals(Main.USAGE, Main.run());
  }
}
