package io.socialearn.api.pulse;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.Tag;
import java.time.LocalDate;

/**
 * A topic whose accepted answers rest mostly on one person: knowledge at risk.
 *
 * <p>The bus factor is the fewest people who together wrote more than half of the topic's
 * accepted answers (counted over all questions asked before the period's end, in scope; a
 * person's linked accounts count as one person, named under the account that wrote most of
 * them); a topic is at risk when it is 1. The holder is per-person and shown only to the holder
 * and to viewers allowed per-person figures; the level and the leaving flag are always shown.
 * Immutable.
 *
 * @param tag the topic
 * @param acceptedAnswers accepted answers in the topic
 * @param busFactor the fewest people holding more than half of them
 * @param holder the person holding most, or null if hidden from this viewer
 * @param holderShare the share of the accepted answers the holder wrote
 * @param holderLeaving whether the holder is marked as leaving or gone, under any of their
 *     linked accounts
 * @param holderLeavingOn the holder's last day, if known and the holder is shown
 * @param level {@link RiskLevel#HIGH} if the holder is leaving, else {@link RiskLevel#WATCH}
 */
public record TopicRisk(
    Tag tag,
    int acceptedAnswers,
    int busFactor,
    PersonId holder,
    double holderShare,
    boolean holderLeaving,
    LocalDate holderLeavingOn,
    RiskLevel level) {}
