package io.socialearn.api.expertise;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import java.util.List;

/**
 * One question as "who knows" saw it when it was asked, and who turned out to know: the
 * candidates it ranked then, each with its {@link ExpertCandidate#signals() signals}, and the
 * person whose answer the asker accepted. A host keeps these (the candidates from {@code whoKnows}
 * at question time, the answerer once an answer is accepted) to learn a mix of signals for its
 * own community from them. Immutable.
 *
 * @param candidates the candidates as ranked when the question was asked, each with every signal
 *     of {@link ExpertiseMix#SIGNALS} as a finite number; the more of them, the more an example
 *     tells (ask for {@link WhoKnowsOptions#MAX_LIMIT}; an answerer who is not among them teaches
 *     nothing)
 * @param answerer who answered the question, with the accepted answer
 */
public record KnownAnswer(List<ExpertCandidate> candidates, PersonId answerer) {
  /**
   * The largest signal a known answer may hold (whoKnows' signals are logarithms and decays, a few
   * dozen at most), so that fitting a mix to it cannot overflow.
   */
  public static final double MAX_SIGNAL = 1e6;

  /**
   * Checks and copies.
   *
   * @throws InvalidInputException if either is missing, a candidate is null, or a candidate
   *     lacks a signal or has one that is not a number within {@link #MAX_SIGNAL} of 0 (rule
   *     {@code "signals"}, naming it)
   */
  public KnownAnswer {
    Validate.required("candidates", candidates);
    Validate.required("answerer", answerer);
    for (int i = 0; i < candidates.size(); i++) {
      ExpertCandidate c = candidates.get(i);
      if (c == null) {
        throw new InvalidInputException("candidates", "required", "candidate " + i + " is null");
      }
      for (String name : ExpertiseMix.SIGNALS) {
        Double v = c.signals().get(name);
        if (v == null || !Double.isFinite(v) || Math.abs(v) > MAX_SIGNAL) {
          throw new InvalidInputException("candidates", "signals", "candidate " + i + " ("
              + c.person().value() + ") has no " + name + " signal between -" + MAX_SIGNAL
              + " and " + MAX_SIGNAL + ": " + v);
        }
      }
    }
    candidates = List.copyOf(candidates);
  }

  /** The answerer's place among the candidates, from 0, or -1 if they are not among them. */
  public int answererIndex() {
    for (int i = 0; i < candidates.size(); i++) {
      if (candidates.get(i).person().equals(answerer)) {
        return i;
      }
    }
    return -1;
  }
}
