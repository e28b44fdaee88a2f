package dev.nasrank.harness.search.stage;

/** Which judge a search queried. */
public enum OracleKind {
  /** The supernet: the run's recorded one-shot accuracies. */
  SUPERNET("supernet"),
  /**
   * The ground truth itself (mean validation accuracy over repeats): the best a strategy could do
   * with the budget.
   */
  GROUND_TRUTH("ground_truth");

  private final String cliName;

  OracleKind(String cliName) {
    this.cliName = cliName;
  }

  /** The name in files. */
  public String cliName() {
    return cliName;
  }
}
