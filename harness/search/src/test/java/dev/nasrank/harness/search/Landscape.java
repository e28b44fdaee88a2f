package dev.nasrank.harness.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic space with known accuracies: the points (x, y) of a {@code side} x {@code side} grid,
 * neighbours the four grid neighbours, accuracy {@code 1 - ((x - px)^2 + (y - py)^2) / (2 side^2)}
 * with its one optimum at (px, py), cost x (so the true front is (x, py) for x = 0..px).
 */
record Landscape(int side, int px, int py) {

  record P(int x, int y) {}

  List<P> pool() {
    List<P> out = new ArrayList<>();
    for (int x = 0; x < side; x++) {
      for (int y = 0; y < side; y++) {
        out.add(new P(x, y));
      }
    }
    return out;
  }

  double accuracy(P p) {
    double dx = p.x() - px;
    double dy = p.y() - py;
    return 1 - (dx * dx + dy * dy) / (2.0 * side * side);
  }

  List<P> neighbours(P p) {
    List<P> out = new ArrayList<>();
    int[][] moves = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    for (int[] m : moves) {
      int x = p.x() + m[0];
      int y = p.y() + m[1];
      if (x >= 0 && y >= 0 && x < side && y < side) {
        out.add(new P(x, y));
      }
    }
    return out;
  }

  SearchProblem<P> problem() {
    return SearchProblem.of(pool(), this::neighbours, p -> p.x());
  }
}
