package io.socialearn.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialearn.api.Page;
import io.socialearn.api.expertise.*;
import io.socialearn.api.mentoring.*;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.pulse.*;
import io.socialearn.api.reputation.*;
import io.socialearn.api.search.*;
import io.socialearn.api.space.*;
import io.socialearn.api.thread.*;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** More public values, including expertise candidates with NaN scores, read back equal. */
class MoreRoundTripsTest {
  static final ObjectMapper M = SocialearnJson.newMapper();
  static final PersonId A = PersonId.of("alice"), B = PersonId.of("bob");
  static final Instant NOW = Instant.parse("2024-05-01T09:30:00Z");
  static final ThreadId T1 = ThreadId.of("t-1");
  static final SpaceId S = SpaceId.of("s-1");
  static final Tag J = Tag.of("java");

  static Map<String, Double> signals(double base) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < ExpertiseMix.SIGNALS.size(); i++)
      m.put(ExpertiseMix.SIGNALS.get(i), base + i);
    return m;
  }

  static Stream<Arguments> values() {
    ExpertCandidate c1 = new ExpertCandidate(A, 2.5, List.of("knows java"), signals(0.5));
    ExpertCandidate c2 = new ExpertCandidate(B, -1.0, List.of(), signals(0));
    Map<String, Double> partial = new LinkedHashMap<>();
    partial.put("topic", 1.0);
    partial.put("zzz", 2.0);
    ExpertCandidate c3 = new ExpertCandidate(B, Double.NaN, List.of(), partial);
    ExpertCandidate c4 =
        new ExpertCandidate(B, Double.POSITIVE_INFINITY, List.of(), Map.of("topic", 1e300));
    RoutingOutcomes ro =
        new RoutingOutcomes(3, 2, 0.66, 1, 0.33, 1, 0.33, 12.0, 30.5, 5, 3, 2, 0.4);
    PulseFigures pf = new PulseFigures(10, 8, 0.8, 4, 0.4, 12.5, 60.0, 30.0, 120.0, 20, 2, ro);
    PulseFigures pf0 =
        new PulseFigures(0, 0, null, 0, null, null, null, null, null, 0, 0, RoutingOutcomes.none());
    Contributors co = new Contributors(5, 2, 3, 4, 9, 0.5, 2, List.of(new PersonCount(A, 3)), true);
    Contributors coNull = new Contributors(5, null, null, 4, 9, null, 2, List.of(), false);
    PulseReport report =
        new PulseReport(
            PulseScope.space(S),
            PulsePeriod.of(NOW, NOW.plusSeconds(86400)),
            PulsePeriod.of(NOW.minusSeconds(86400), NOW),
            42,
            5,
            pf,
            pf0,
            List.of(new BacklogQuestion(T1, S, "Title", List.of(J), NOW, 120)),
            List.of(new TopicTrend(J, 4, 1.5, 2.5, 2.66, 1.9)),
            List.of(new UnansweredTopic(J, 4, 2, 0.5)),
            new HelpMatrix(
                List.of("Eng", "other"), List.of(new HelpCell("Eng", "other", 3, 2)), 1, 5, 3, 0.6),
            co,
            coNull,
            List.of(
                new TopicRisk(J, 5, 1, A, 0.8, true, LocalDate.of(2024, 6, 30), RiskLevel.HIGH)));
    KnowledgeCapture kc =
        new KnowledgeCapture(
            A,
            true,
            LocalDate.of(2024, 6, 30),
            List.of(new TopicRisk(J, 5, 1, A, 0.8, true, null, RiskLevel.WATCH)),
            List.of(
                new CaptureQuestion(
                    T1, "T", List.of(J), CaptureQuestion.Reason.ONLY_THEY_ANSWERED, 3, 10)),
            List.of(new Successor(J, B, 2, 5)));
    return Stream.of(
        Arguments.of(c1, t(ExpertCandidate.class)),
        Arguments.of(c3, t(ExpertCandidate.class)),
        Arguments.of(c4, t(ExpertCandidate.class)),
        Arguments.of(new KnownAnswer(List.of(c1, c2), B), t(KnownAnswer.class)),
        Arguments.of(
            new Page<>(List.of(c1, c2), "n"),
            M.getTypeFactory().constructParametricType(Page.class, ExpertCandidate.class)),
        Arguments.of(ExpertiseMix.defaults(), t(ExpertiseMix.class)),
        Arguments.of(WhoKnowsQuery.text("How do I tax overtime?"), t(WhoKnowsQuery.class)),
        Arguments.of(
            new WhoKnowsQuery(
                "",
                List.of(J),
                WhoKnowsOptions.defaults()
                    .limit(200)
                    .availableOnly(true)
                    .department(
                        DepartmentPreference.values()[DepartmentPreference.values().length - 1])
                    .includeExternal(true)
                    .excludeViewer(false)
                    .exclude(Set.of(A, B))
                    .votesBefore(NOW)
                    .mix(ExpertiseMix.defaults())),
            t(WhoKnowsQuery.class)),
        Arguments.of(
            new ExpertiseEntry(
                A, J, 1.0, List.of(new Evidence(EvidenceKind.values()[0], T1, B, 0.5, NOW))),
            t(ExpertiseEntry.class)),
        Arguments.of(report, t(PulseReport.class)),
        Arguments.of(PulseScope.organisation(), t(PulseScope.class)),
        Arguments.of(PulseScope.orgUnit("Finance"), t(PulseScope.class)),
        Arguments.of(PulsePeriod.allTime(), t(PulsePeriod.class)),
        Arguments.of(kc, t(KnowledgeCapture.class)),
        Arguments.of(
            new KnowledgeCapture(B, false, null, List.of(), List.of(), List.of()),
            t(KnowledgeCapture.class)),
        Arguments.of(Mentor.offering(A, 3, "java", "c++"), t(Mentor.class)),
        Arguments.of(Learner.wanting(B, "java"), t(Learner.class)),
        Arguments.of(MentoringConstraints.acrossDepartments(), t(MentoringConstraints.class)),
        Arguments.of(
            new MentorMatching(
                List.of(new MentorMatch(B, A, List.of(J), 7, List.of("shares java"))),
                List.of(B),
                7L),
            t(MentorMatching.class)),
        Arguments.of(
            new TrustStatus(
                A,
                TrustLevel.REGULAR,
                EnumSet.of(Privilege.VOTE_DOWN, Privilege.POST_LINKS),
                1200,
                30,
                12,
                5,
                2),
            t(TrustStatus.class)),
        Arguments.of(new VotingRing(A, B, 10, 2), t(VotingRing.class)),
        Arguments.of(new ArticleOrigin(T1, List.of(PostId.of("p-2"))), t(ArticleOrigin.class)),
        Arguments.of(
            new FlaggedPost(
                PostId.of("p-2"),
                T1,
                S,
                List.of(new FlaggedPost.Flag(A, FlagReason.SPAM, "", NOW))),
            t(FlaggedPost.class)),
        Arguments.of(new FlaggedPost(T1, T1, S, List.of()), t(FlaggedPost.class)),
        Arguments.of(
            new ExpertSession(
                SessionId.of("se-1"),
                S,
                A,
                "Ask",
                NOW,
                NOW.plusSeconds(60),
                SessionState.values()[0],
                List.of(SocialearnJsonTest.summary())),
            t(ExpertSession.class)),
        Arguments.of(
            new SearchResults(List.of(), 1000, List.of(), null, true, true),
            t(SearchResults.class)),
        Arguments.of(
            new SearchResults(List.of(), 10, List.of(), null, true, false), t(SearchResults.class)),
        Arguments.of(SearchQuery.of("records").hitsOnly(true), t(SearchQuery.class)),
        Arguments.of(new ReputationScore(A, 1, NOW), t(ReputationScore.class)),
        Arguments.of(ThreadId.of("0123456789abcdef0123"), t(ThreadId.class)),
        Arguments.of(ThreadId.of("123e4567-e89b-12d3-a456-426614174000"), t(ThreadId.class)),
        Arguments.of(ThreadId.of("123E4567-E89B-12D3-A456-426614174000"), t(ThreadId.class)),
        Arguments.of(PostId.of("000000000000000000"), t(PostId.class)),
        Arguments.of(PostId.of("a"), t(PostId.class)));
  }

  static JavaType t(Class<?> c) {
    return M.constructType(c);
  }

  @ParameterizedTest
  @MethodSource("values")
  void roundTrips(Object value, JavaType type) throws Exception {
    String json = M.writeValueAsString(value);
    Object back = M.readValue(json, type);
    assertThat(back).as(json).isEqualTo(value);
  }
}
