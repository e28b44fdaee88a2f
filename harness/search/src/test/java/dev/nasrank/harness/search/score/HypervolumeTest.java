package dev.nasrank.harness.search.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HypervolumeTest {

  /**
   * Front (accuracy, cost) = (0.5, 2), (0.8, 5), (0.9, 8) plus the dominated (0.6, 6), reference
   * (0, 10): the union of the rectangles [cost, 10] x [0, accuracy] is 0.5 * 8 + (0.8 - 0.5) * 5 +
   * (0.9 - 0.8) * 2 = 4 + 1.5 + 0.2 = 5.7.
   */
  @Test
  void handComputedFront() {
    Hypervolume hv = new Hypervolume(0, 10);
    List<Hypervolume.Point> front =
        List.of(
            new Hypervolume.Point(0.9, 8),
            new Hypervolume.Point(0.6, 6),
            new Hypervolume.Point(0.5, 2),
            new Hypervolume.Point(0.8, 5));
    assertEquals(5.7, hv.of(front), 1e-12);
    assertEquals(4.0, hv.of(List.of(new Hypervolume.Point(0.5, 2))), 1e-12);
    assertEquals(0.0, hv.of(List.of()), 0.0);
  }

  /** Points that do not strictly dominate the reference point add nothing. */
  @Test
  void pointsOutsideTheReferenceBoxAddNothing() {
    Hypervolume hv = new Hypervolume(0.5, 10);
    assertEquals(0.0, hv.of(List.of(new Hypervolume.Point(0.5, 1))), 0.0);
    assertEquals(0.0, hv.of(List.of(new Hypervolume.Point(0.9, 10))), 0.0);
    assertEquals(
        0.4 * 9,
        hv.of(List.of(new Hypervolume.Point(0.9, 1), new Hypervolume.Point(0.4, 0))),
        1e-12);
  }

  /** A unit square of a 3 x 3 grid's staircase, against a Monte-Carlo-free grid count. */
  @Test
  void agreesWithACellCountOnAGrid() {
    // points on integer coordinates; count unit cells [c, c+1] x [a, a+1] dominated by some point
    List<Hypervolume.Point> pts =
        List.of(
            new Hypervolume.Point(3, 1),
            new Hypervolume.Point(5, 4),
            new Hypervolume.Point(2, 0),
            new Hypervolume.Point(6, 7),
            new Hypervolume.Point(4, 4));
    double accRef = 0;
    double costRef = 9;
    int cells = 0;
    for (int c = 0; c < 9; c++) {
      for (int a = 0; a < 7; a++) {
        for (Hypervolume.Point p : pts) {
          if (p.cost() <= c && p.accuracy() >= a + 1) {
            cells++;
            break;
          }
        }
      }
    }
    assertEquals(cells, new Hypervolume(accRef, costRef).of(pts), 1e-12);
  }
}
