package io.socialearn.api.pulse;

import java.util.List;

/**
 * The people who asked or answered in a period, and how concentrated the answering is.
 *
 * <p>A contributor is a person: accounts the host linked as one person's count once, their
 * answers summed, named in {@link #topAnswerers()} under the account that gave most of them. A
 * contributor is new in the period if their first question or answer in scope (under any of
 * their accounts) falls in it, returning if they had asked or answered in scope before. Privacy: when either cohort counts
 * fewer people than the minimum group size (but more than none), both are null, so that neither
 * can be worked out from the other. {@link #topAnswerers()} is per-person
 * and so empty unless the viewer may see per-person figures ({@link #personalFiguresShown()}).
 * Immutable.
 *
 * @param active distinct people who asked or answered
 * @param newcomers of these, those whose first contribution falls in the period, or null
 * @param returning of these, those who had contributed before ({@code active - newcomers}), or
 *     null
 * @param answerers distinct people who answered
 * @param answers answers posted in the period
 * @param topFiveShare the share of the answers given by the five most active answerers, or null
 * @param peopleForHalfOfAnswers the fewest answerers who together gave at least half the answers
 * @param topAnswerers the ten most active answerers, plus anyone tied with the tenth, by count
 *     then id; a viewer not allowed per-person figures sees at most their own entry
 * @param personalFiguresShown whether per-person figures were shown to this viewer
 */
public record Contributors(
    int active,
    Integer newcomers,
    Integer returning,
    int answerers,
    int answers,
    Double topFiveShare,
    int peopleForHalfOfAnswers,
    List<PersonCount> topAnswerers,
    boolean personalFiguresShown) {

  /** Copies the list. */
  public Contributors {
    topAnswerers = List.copyOf(topAnswerers);
  }
}
