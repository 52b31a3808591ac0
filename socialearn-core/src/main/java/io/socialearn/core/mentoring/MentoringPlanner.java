package io.socialearn.core.mentoring;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.NotFoundException;
import io.socialearn.api.mentoring.Learner;
import io.socialearn.api.mentoring.Mentor;
import io.socialearn.api.mentoring.MentorMatching;
import io.socialearn.api.mentoring.MentoringConstraints;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.people.PersonStatus;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import io.socialearn.core.pulse.PulseLedger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns the api's learners and mentors into {@link MentorMatcher.Side}s, inferring topics from the
 * log where none are declared, and matches them.
 *
 * <p>A learner's inferred topics are the tags of the questions they asked (at most {@link
 * #INFERRED_TOPICS}, the most asked first). A mentor's strength in a topic is 1 per answer in it,
 * 2 more per up-voted answer and 3 more per accepted answer; inferred topics are those with an
 * accepted or up-voted answer, plus declared skills. Questions and answers under any of a
 * person's linked accounts are theirs. Thread-safe (stateless); the ledger must be guarded by
 * the caller.
 */
public final class MentoringPlanner {
  /** The most people on one side. */
  public static final int MAX_PEOPLE = 2_000;
  /** The most topics inferred for a learner. */
  public static final int INFERRED_TOPICS = 10;

  private MentoringPlanner() {}

  /**
   * Matches learners with mentors, never pairing two accounts of one person ({@code accounts});
   * a person's questions and answers under any of their accounts count as theirs.
   *
   * @param accounts a person's accounts (linked accounts, the person included)
   * @throws InvalidInputException if a side lists someone twice (under one account or two linked
   *     ones), someone who has left, or more than {@link #MAX_PEOPLE}
   * @throws NotFoundException if a person is unknown
   */
  public static MentorMatching match(PulseLedger ledger, Set<SpaceId> readable,
      List<Learner> learners, List<Mentor> mentors, MentoringConstraints constraints,
      Function<PersonId, Set<PersonId>> accounts) {
    if (learners.size() > MAX_PEOPLE || mentors.size() > MAX_PEOPLE) {
      throw new InvalidInputException(learners.size() > MAX_PEOPLE ? "learners" : "mentors",
          "maxSize", "at most " + MAX_PEOPLE + " people on each side");
    }
    Map<PersonId, Map<Tag, int[]>> evidence = ledger.evidence(readable);
    Map<PersonId, Map<Tag, Integer>> asked = ledger.asked(readable);
    // Each listed person's accounts, looked up once: the matcher asks about every pair.
    Map<PersonId, Set<PersonId>> own = new HashMap<>();
    List<MentorMatcher.Side> ls = new ArrayList<>();
    for (Learner learner : learners) {
      PersonProfile profile = present(ledger, learner.person(), "learners");
      Set<PersonId> theirAccounts = own.computeIfAbsent(learner.person(), accounts);
      Map<Tag, Integer> topics = new HashMap<>();
      if (learner.wantedTopics().isEmpty()) {
        Map<Tag, Integer> theirs = new HashMap<>();
        for (PersonId account : theirAccounts) {
          asked.getOrDefault(account, Map.of()).forEach((tag, n) -> theirs.merge(tag, n,
              Integer::sum));
        }
        theirs.entrySet().stream()
            .sorted(Map.Entry.<Tag, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()))
            .limit(INFERRED_TOPICS).forEach(e -> topics.put(e.getKey(), e.getValue()));
      } else {
        learner.wantedTopics().forEach(t -> topics.put(t, 1));
      }
      ls.add(new MentorMatcher.Side(learner.person(), 1, topics, Map.of(), profile.orgUnit(),
          profile.manager()));
    }
    List<MentorMatcher.Side> ms = new ArrayList<>();
    for (Mentor mentor : mentors) {
      PersonProfile profile = present(ledger, mentor.person(), "mentors");
      Map<Tag, int[]> theirs = new HashMap<>();
      for (PersonId account : own.computeIfAbsent(mentor.person(), accounts)) {
        evidence.getOrDefault(account, Map.of()).forEach((tag, c) -> {
          int[] sum = theirs.computeIfAbsent(tag, k -> new int[3]);
          for (int i = 0; i < sum.length; i++) {
            sum[i] += c[i];
          }
        });
      }
      Map<Tag, Integer> topics = new HashMap<>();
      Map<Tag, String> notes = new HashMap<>();
      List<Tag> offered = new ArrayList<>(mentor.topics());
      if (offered.isEmpty()) {
        // Declared under any of their accounts, as their answers are counted.
        Set<Tag> declared = new TreeSet<>(profile.declaredSkills());
        for (PersonId account : own.get(mentor.person())) {
          PersonProfile other = account.equals(mentor.person()) ? null : ledger.profile(account);
          if (other != null) {
            declared.addAll(other.declaredSkills());
          }
        }
        offered.addAll(declared);
        theirs.forEach((tag, c) -> {
          if (c[1] > 0 || c[2] > 0) {
            offered.add(tag);
          }
        });
      }
      offered.sort(Comparator.naturalOrder());
      for (Tag tag : offered) {
        int[] c = theirs.getOrDefault(tag, new int[3]);
        topics.put(tag, 3 * c[1] + 2 * c[2] + c[0]);
        if (c[0] > 0) {
          notes.put(tag, mentor.person().value() + " has " + c[1] + " accepted and " + c[2]
              + " up-voted of " + c[0] + " answers in " + tag.value());
        }
      }
      ms.add(new MentorMatcher.Side(mentor.person(), mentor.capacity(), topics, notes,
          profile.orgUnit(), profile.manager()));
    }
    // Nobody mentors themselves, under any of their linked accounts either.
    return MentorMatcher.match(ls, ms, constraints, (a, b) -> own.get(a).contains(b));
  }

  /** A listed person's profile: they must be known and not have left. */
  private static PersonProfile present(PulseLedger ledger, PersonId person, String side) {
    PersonProfile profile = ledger.profile(person);
    if (profile == null) {
      throw new NotFoundException("person", person.value());
    }
    if (profile.status() == PersonStatus.LEFT) {
      throw new InvalidInputException(side, "present", person.value()
          + " has left; only people still here can be paired");
    }
    return profile;
  }
}
