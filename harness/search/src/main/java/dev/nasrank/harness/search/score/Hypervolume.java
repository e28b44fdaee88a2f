package dev.nasrank.harness.search.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The hypervolume (Zitzler and Thiele 1998, the S metric) of a set of points of two objectives,
 * accuracy maximised and cost minimised: the area of the region the points dominate and that
 * dominates the reference point (accuracy {@code accuracyRef}, cost {@code costRef}). Points that
 * do not strictly dominate the reference point add nothing; dominated points add nothing. Exact, by
 * one sweep in cost order: O(n log n).
 *
 * @param accuracyRef the reference accuracy (a worst value)
 * @param costRef the reference cost (a worst value)
 */
public record Hypervolume(double accuracyRef, double costRef) {

  /** A point: accuracy (any unit) and cost (any unit). */
  public record Point(double accuracy, double cost) {}

  /** The area dominated by {@code points} up to the reference point, in accuracy x cost units. */
  public double of(List<Point> points) {
    List<Point> inside = new ArrayList<>();
    for (Point p : points) {
      if (p.accuracy() > accuracyRef && p.cost() < costRef) {
        inside.add(p);
      }
    }
    // Cheapest first: each point adds the strip between its accuracy and the best accuracy of the
    // cheaper points, from its cost to the reference cost.
    inside.sort(Comparator.comparingDouble(Point::cost).thenComparing(p -> -p.accuracy()));
    double area = 0;
    double best = accuracyRef;
    for (Point p : inside) {
      if (p.accuracy() > best) {
        area += (p.accuracy() - best) * (costRef - p.cost());
        best = p.accuracy();
      }
    }
    return area;
  }
}
