package io.socialearn.api.pulse;

import java.util.List;

/**
 * Who helps whom across org units in a period.
 *
 * <p>Privacy: a unit with fewer people than the minimum group size is folded into {@link #OTHER}
 * (and {@code OTHER} itself is dropped if it is still too small); a cell given by fewer distinct
 * answerers than the minimum is left out and counted in {@link #suppressedCells()}. When only one
 * cell would be left out, the smallest cell shown is left out with it: one cell alone would be
 * the period's answers less the cells shown. Immutable.
 *
 * @param units the units shown, in name order
 * @param cells the cells shown, by asking unit then answering unit
 * @param suppressedCells how many cells were left out as too small
 * @param answeredByUnit questions of the period, asked by someone with a known unit, that had an
 *     answer at the period's end
 * @param answeredAcrossUnits of these, questions with at least one answer from another unit
 * @param crossUnitShare {@code answeredAcrossUnits / answeredByUnit}, or null
 */
public record HelpMatrix(
    List<String> units,
    List<HelpCell> cells,
    int suppressedCells,
    int answeredByUnit,
    int answeredAcrossUnits,
    Double crossUnitShare) {
  /** The name under which small units are folded together. */
  public static final String OTHER = "other";
  /** The name of the group of people without an org unit. */
  public static final String UNASSIGNED = "unassigned";

  /** Copies the lists. */
  public HelpMatrix {
    units = List.copyOf(units);
    cells = List.copyOf(cells);
  }
}
