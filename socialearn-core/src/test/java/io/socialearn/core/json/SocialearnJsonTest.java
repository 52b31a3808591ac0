package io.socialearn.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialearn.api.Done;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Page;
import io.socialearn.api.PageRequest;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.AddComment;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.CloseThread;
import io.socialearn.api.command.Command;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.DeletePost;
import io.socialearn.api.command.DeleteThread;
import io.socialearn.api.command.EditPost;
import io.socialearn.api.command.EditThread;
import io.socialearn.api.command.FlagPost;
import io.socialearn.api.command.JoinSpace;
import io.socialearn.api.command.LeaveSpace;
import io.socialearn.api.command.MarkDuplicate;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.RemoveMember;
import io.socialearn.api.command.ReopenThread;
import io.socialearn.api.command.LinkAccounts;
import io.socialearn.api.command.RecordVisit;
import io.socialearn.api.command.Endorse;
import io.socialearn.api.command.OfferBounty;
import io.socialearn.api.command.AwardBounty;
import io.socialearn.api.command.ApproveSuggestedEdit;
import io.socialearn.api.command.ExpireBounty;
import io.socialearn.api.command.MakeCommunityWiki;
import io.socialearn.api.command.AdjustReputation;
import io.socialearn.api.command.PromoteToArticle;
import io.socialearn.api.command.AddToSession;
import io.socialearn.api.command.ConfigureSpace;
import io.socialearn.api.command.RecordView;
import io.socialearn.api.command.ResolveFlags;
import io.socialearn.api.command.ScheduleSession;
import io.socialearn.api.command.RetractVote;
import io.socialearn.api.command.ReverseVotes;
import io.socialearn.api.command.SetMemberRole;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.command.UnacceptAnswer;
import io.socialearn.api.command.UpdateProfile;
import io.socialearn.api.event.AcceptanceRevoked;
import io.socialearn.api.event.AnswerAccepted;
import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.CommentAdded;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.FlagsResolved;
import io.socialearn.api.event.MemberRemoved;
import io.socialearn.api.event.MemberRoleSet;
import io.socialearn.api.event.PersonRegistered;
import io.socialearn.api.event.PostDeleted;
import io.socialearn.api.event.PostEdited;
import io.socialearn.api.event.PostFlagged;
import io.socialearn.api.event.ProfileUpdated;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.SpaceCreated;
import io.socialearn.api.event.ThreadClosed;
import io.socialearn.api.event.ThreadDeleted;
import io.socialearn.api.event.ThreadEdited;
import io.socialearn.api.event.ThreadMarkedDuplicate;
import io.socialearn.api.event.ThreadReopened;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.event.VoteCast;
import io.socialearn.api.event.AccountsLinked;
import io.socialearn.api.event.PersonVisited;
import io.socialearn.api.event.PersonEndorsed;
import io.socialearn.api.event.BountyOffered;
import io.socialearn.api.event.BountyAwarded;
import io.socialearn.api.event.SuggestedEditApproved;
import io.socialearn.api.event.MadeCommunityWiki;
import io.socialearn.api.event.ArticlePromoted;
import io.socialearn.api.event.QuestionAddedToSession;
import io.socialearn.api.event.SessionScheduled;
import io.socialearn.api.event.SpaceConfigured;
import io.socialearn.api.event.ThreadViewed;
import io.socialearn.api.event.QuestionRouted;
import io.socialearn.api.event.ReputationAdjusted;
import io.socialearn.api.event.VoteRetracted;
import io.socialearn.api.event.VotesReversed;
import io.socialearn.api.expertise.Evidence;
import io.socialearn.api.expertise.EvidenceKind;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.ExpertiseMix;
import io.socialearn.api.expertise.ExpertiseEntry;
import io.socialearn.api.people.ActivityItem;
import io.socialearn.api.people.ActivityKind;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.people.PersonStatus;
import io.socialearn.api.reputation.ReputationChange;
import io.socialearn.api.reputation.ReputationHistory;
import io.socialearn.api.reputation.ReputationReason;
import io.socialearn.api.reputation.ReputationScore;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.Facet;
import io.socialearn.api.search.FacetValue;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchSort;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.search.TagSuggestion;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.space.Membership;
import io.socialearn.api.space.Space;
import io.socialearn.api.space.SessionId;
import io.socialearn.api.space.SpaceFeatures;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceKind;
import io.socialearn.api.space.SpaceRole;
import io.socialearn.api.space.SpaceVisibility;
import io.socialearn.api.thread.CommentId;
import io.socialearn.api.thread.CommentView;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.FlagReason;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.PostView;
import io.socialearn.api.thread.Revision;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadDetail;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.ThreadState;
import io.socialearn.api.thread.ThreadSummary;
import io.socialearn.api.thread.VoteDirection;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SocialearnJsonTest {

  private static final ObjectMapper MAPPER = SocialearnJson.newMapper();

  private static final PersonId ALICE = PersonId.of("alice");
  private static final PersonId BOB = PersonId.of("bob");
  private static final SpaceId JAVA = SpaceId.of("s-java");
  private static final ThreadId T1 = ThreadId.of("t-1");
  private static final ThreadId T2 = ThreadId.of("t-2");
  private static final PostId P2 = PostId.of("p-2");
  private static final CommentId C3 = CommentId.of("c-3");
  private static final Instant NOW = Instant.parse("2024-05-01T09:30:00Z");

  // ---------------------------------------------------------------- samples

  static PersonProfile fullProfile() {
    return PersonProfile.builder(ALICE)
        .displayName("Alice Liddell")
        .orgUnit("Engineering")
        .title("Staff engineer")
        .location("Zürich")
        .skills("java", "kotlin", "c++")
        .external(true)
        .status(PersonStatus.LEAVING, LocalDate.of(2024, 12, 31))
        .manager(BOB)
        .build();
  }

  static PersonProfile minimalProfile() {
    return PersonProfile.builder(BOB).displayName("Bob").build();
  }

  static List<DomainEvent> sampleEvents() {
    return List.of(
        new PersonRegistered(fullProfile()),
        new ProfileUpdated(minimalProfile(), ALICE),
        new SpaceCreated(JAVA, "Java", "All things JVM", SpaceKind.COMMUNITY,
            SpaceVisibility.MEMBERS_ONLY, ALICE),
        new MemberRoleSet(JAVA, BOB, SpaceRole.MODERATOR, ALICE),
        new MemberRemoved(JAVA, BOB, ALICE),
        new ThreadStarted(T1, JAVA, ThreadKind.QUESTION, "How do records work?",
            "Body with \"quotes\", a tab\t, a newline\n and ünïcødé 🚀", List.of(Tag.of("java"),
                Tag.of("records")), ALICE),
        new ThreadEdited(T1, "How do Java records work?", "New body", List.of(), BOB, "typo"),
        new ThreadClosed(T1, "off topic", BOB),
        new ThreadReopened(T1, ALICE),
        new ThreadMarkedDuplicate(T2, T1, BOB),
        new ThreadDeleted(T2, "spam", BOB),
        new AnswerPosted(P2, T1, "Like this.", BOB),
        new PostEdited(P2, T1, "Like this, really.", BOB, "clarity"),
        new PostDeleted(P2, T1, "wrong", ALICE),
        new CommentAdded(C3, P2, T1, "Thanks!", ALICE),
        new AnswerAccepted(T1, P2, ALICE, BOB),
        new AcceptanceRevoked(T1, P2, ALICE, BOB),
        new VoteCast(P2, T1, ALICE, VoteDirection.UP, BOB),
        new VoteRetracted(T1, T1, BOB, VoteDirection.DOWN, ALICE),
        new AccountsLinked(ALICE, BOB, ALICE),
        new VotesReversed(BOB, ALICE, 12, "serial voting", PersonId.SYSTEM),
        new PersonVisited(ALICE),
        new BountyOffered(T1, ALICE, 100),
        new BountyAwarded(T1, P2, ALICE, BOB, 100),
        new SuggestedEditApproved(P2, T1, BOB, ALICE),
        new MadeCommunityWiki(P2, T1, BOB),
        new ReputationAdjusted(BOB, 100, "association bonus", PersonId.SYSTEM),
        new QuestionRouted(T1, List.of(ALICE, BOB)),
        new ArticlePromoted(ThreadId.of("t-9"), T1, List.of(P2)),
        new SpaceConfigured(JAVA, SpaceFeatures.all().withVoting(false), ALICE),
        new SessionScheduled(SessionId.of("session-1"), JAVA, BOB, "Ask Bob about records", NOW,
            NOW.plusSeconds(3600), ALICE),
        new QuestionAddedToSession(SessionId.of("session-1"), T1, ALICE),
        new ThreadViewed(T1, BOB),
        new PostFlagged(P2, T1, BOB, FlagReason.RUDE_OR_ABUSIVE, ""),
        new FlagsResolved(P2, T1, ALICE, false, List.of(BOB)),
        new PersonEndorsed(ALICE, BOB, Tag.of("java")));
  }

  static List<Command<?>> sampleCommands() {
    return List.of(
        new RegisterPerson(fullProfile()),
        new UpdateProfile(minimalProfile()),
        new CreateSpace("Java", "All things JVM", SpaceKind.COURSE, SpaceVisibility.ORGANIZATION),
        new JoinSpace(JAVA),
        new LeaveSpace(JAVA),
        new SetMemberRole(JAVA, BOB, SpaceRole.OWNER),
        new RemoveMember(JAVA, BOB),
        StartThread.question(JAVA, "How do records work?", "Body", "java", "records"),
        new EditThread(T1, "Title", "Body", List.of(Tag.of("java")), "retag"),
        new CloseThread(T1, "off topic"),
        new ReopenThread(T1),
        new MarkDuplicate(T2, T1),
        new DeleteThread(T2, "spam"),
        new PostAnswer(T1, "Like this."),
        new EditPost(P2, "Like this, really.", "clarity"),
        new DeletePost(P2, "wrong"),
        new AddComment(T1, "Which Java version?"),
        new AcceptAnswer(P2),
        new UnacceptAnswer(T1),
        new CastVote(P2, VoteDirection.DOWN),
        new RetractVote(T1),
        new LinkAccounts(ALICE, BOB),
        new ReverseVotes(BOB, ALICE, "serial voting"),
        new RecordVisit(),
        new OfferBounty(T1, 100),
        new AwardBounty(P2),
        new ExpireBounty(P2),
        new MakeCommunityWiki(T1),
        new ApproveSuggestedEdit(P2, BOB, "clearer wording", "typo"),
        new ApproveSuggestedEdit(T1, BOB, null, ""),
        new AdjustReputation(BOB, 100, "association bonus"),
        new PromoteToArticle(T1, List.of(P2), "How records work"),
        new ConfigureSpace(JAVA, SpaceFeatures.all().withRouting(false)),
        new ScheduleSession(JAVA, BOB, "Ask Bob about records", NOW, NOW.plusSeconds(3600)),
        new AddToSession(SessionId.of("session-1"), T1),
        new RecordView(T1),
        new FlagPost(P2, FlagReason.NEEDS_MODERATOR, "copied from a blog"),
        new FlagPost(T1, FlagReason.SPAM, null),
        new ResolveFlags(P2, true),
        new Endorse(BOB, Tag.of("java")));
  }

  static ThreadSummary summary() {
    return new ThreadSummary(T1, JAVA, ThreadKind.QUESTION, "How do records work?",
        List.of(Tag.of("java")), ALICE, ThreadState.DUPLICATE, T2, 3, 1, P2,
        NOW, NOW.plusSeconds(60));
  }

  static PostView postView(Instant editedAt, VoteDirection vote) {
    return new PostView(P2, T1, BOB, "Like this.", 2, true, NOW, editedAt, vote,
        List.of(new CommentView(C3, P2, ALICE, "Thanks!", NOW.plusNanos(123_456_789))));
  }

  /** One sample per value record, each with the type to read it back as. */
  static Stream<Arguments> sampleValues() {
    ObjectMapper m = MAPPER;
    ThreadSummary minimalSummary = new ThreadSummary(T2, JAVA, ThreadKind.ARTICLE, "Title",
        List.of(), BOB, ThreadState.OPEN, null, 0, 0, null, NOW, NOW);
    ReputationScore score = new ReputationScore(ALICE, 42, NOW);
    ReputationChange change = new ReputationChange(ALICE, 10, ReputationReason.ANSWER_UPVOTED,
        P2, 7, NOW);
    Evidence evidence = new Evidence(EvidenceKind.ACCEPTED_ANSWER, P2, BOB, 1.5, NOW);
    return Stream.of(
        args(Viewer.of(ALICE), m.constructType(Viewer.class)),
        args(Viewer.administrator(BOB), m.constructType(Viewer.class)),
        args(Viewer.system(), m.constructType(Viewer.class)),
        args(PageRequest.first(20), m.constructType(PageRequest.class)),
        args(PageRequest.after("cursor-1", 100), m.constructType(PageRequest.class)),
        args(new Done(17), m.constructType(Done.class)),
        args(new Page<>(List.of(summary(), minimalSummary), "next-1"),
            m.getTypeFactory().constructParametricType(Page.class, ThreadSummary.class)),
        args(new Page<>(List.<ActivityItem>of(), null),
            m.getTypeFactory().constructParametricType(Page.class, ActivityItem.class)),
        args(new RecordedEvent(5, NOW, new VoteCast(P2, T1, ALICE, VoteDirection.UP, BOB)),
            m.constructType(RecordedEvent.class)),
        args(fullProfile(), m.constructType(PersonProfile.class)),
        args(minimalProfile(), m.constructType(PersonProfile.class)),
        args(summary(), m.constructType(ThreadSummary.class)),
        args(minimalSummary, m.constructType(ThreadSummary.class)),
        args(new ThreadDetail(summary(), "Body", NOW, VoteDirection.UP,
                List.of(new CommentView(C3, T1, BOB, "Nice", NOW)),
                List.of(postView(NOW, VoteDirection.DOWN), postView(null, null))),
            m.constructType(ThreadDetail.class)),
        args(postView(NOW, VoteDirection.UP), m.constructType(PostView.class)),
        args(postView(null, null), m.constructType(PostView.class)),
        args(new CommentView(C3, P2, ALICE, "Thanks!", NOW), m.constructType(CommentView.class)),
        args(new Space(JAVA, "Java", "", SpaceKind.DEPARTMENT, SpaceVisibility.ORGANIZATION, ALICE,
            NOW, 12, SpaceFeatures.all().withExternalGuests(false)), m.constructType(Space.class)),
        args(new Membership(JAVA, BOB, SpaceRole.MEMBER), m.constructType(Membership.class)),
        args(new ActivityItem(9, NOW, ActivityKind.COMMENTED, T1, "How?", P2),
            m.constructType(ActivityItem.class)),
        args(new Revision(T1, 2, BOB, NOW, "Title", "Body", List.of(Tag.of("java")), "typo"),
            m.constructType(Revision.class)),
        args(new SearchHit(T1, JAVA, "How do records work?", 0.75, "<mark>records</mark>"),
            m.constructType(SearchHit.class)),
        args(new SearchResults(List.of(new SearchHit(T1, JAVA, "Title", 1.25, "")), 31,
            List.of(new Facet("tag", List.of(new FacetValue("java", 3)))), "c-2"),
            m.constructType(SearchResults.class)),
        args(new SearchQuery("records tag:java", SearchSort.VOTES, 20, null),
            m.constructType(SearchQuery.class)),
        args(new SimilarQuery("Records?", "How do records work", List.of(Tag.of("java")), 10,
            Set.of(T1)), m.constructType(SimilarQuery.class)),
        args(new TagSuggestion(Tag.of("java"), 2.5), m.constructType(TagSuggestion.class)),
        args(score, m.constructType(ReputationScore.class)),
        args(change, m.constructType(ReputationChange.class)),
        args(new ReputationChange(BOB, -2, ReputationReason.REVERSAL, null, 0, NOW),
            m.constructType(ReputationChange.class)),
        args(new ReputationHistory(score, List.of(change)), m.constructType(ReputationHistory.class)),
        args(evidence, m.constructType(Evidence.class)),
        args(new Evidence(EvidenceKind.DECLARED_SKILL, null, null, 0.1, NOW),
            m.constructType(Evidence.class)),
        args(new ExpertiseEntry(ALICE, Tag.of("java"), 3.5, List.of(evidence)),
            m.constructType(ExpertiseEntry.class)));
  }

  private static Arguments args(Object value, JavaType type) {
    return Arguments.of(value.getClass().getSimpleName(), value, type);
  }

  // ---------------------------------------------------------------- coverage of the sealed types

  @Test
  void everyEventSubtypeHasASample() {
    assertThat(sampleEvents().stream().map(Object::getClass).collect(Collectors.toSet()))
        .as("one sample per DomainEvent subtype; add a sample for a new event")
        .isEqualTo(Set.of(DomainEvent.class.getPermittedSubclasses()));
  }

  @Test
  void everyCommandSubtypeHasASample() {
    assertThat(sampleCommands().stream().map(Object::getClass).collect(Collectors.toSet()))
        .as("one sample per Command subtype; add a sample for a new command")
        .isEqualTo(Set.of(Command.class.getPermittedSubclasses()));
  }

  @Test
  void typeNamesAreUniqueAndWellFormed() {
    List<String> names = new ArrayList<>();
    for (Class<?> c : DomainEvent.class.getPermittedSubclasses()) {
      String name = SocialearnJson.typeName(c);
      assertThat(name).as(c.getSimpleName()).matches("[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*");
      names.add(name);
    }
    for (Class<?> c : Command.class.getPermittedSubclasses()) {
      String name = SocialearnJson.typeName(c);
      assertThat(name).as(c.getSimpleName()).matches("[a-z]+(-[a-z]+)+");
      names.add(name);
    }
    assertThat(names).doesNotHaveDuplicates();
    assertThat(SocialearnJson.typeName(VoteCast.class)).isEqualTo("vote.cast");
    assertThat(SocialearnJson.typeName(StartThread.class)).isEqualTo("start-thread");
    assertThat(SocialearnJson.typeName(ThreadId.class)).isEqualTo("thread");
    assertThatThrownBy(() -> SocialearnJson.typeName(String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String");
  }

  // ---------------------------------------------------------------- round trips

  @ParameterizedTest
  @MethodSource("sampleEvents")
  void eventRoundTrips(DomainEvent event) throws Exception {
    String json = MAPPER.writeValueAsString(event);
    JsonNode tree = MAPPER.readTree(json);

    assertThat(tree.get("type").asText()).isEqualTo(SocialearnJson.typeName(event.getClass()));
    assertOnlyComponents(event.getClass(), tree, "type");
    assertThat(MAPPER.readValue(json, DomainEvent.class)).isEqualTo(event);
    assertThat(MAPPER.readValue(MAPPER.writeValueAsBytes(event), DomainEvent.class))
        .isEqualTo(event);
    assertThat(MAPPER.readValue(json, event.getClass())).isEqualTo(event);

    RecordedEvent recorded = new RecordedEvent(3, NOW, event);
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(recorded), RecordedEvent.class))
        .isEqualTo(recorded);
  }

  @ParameterizedTest
  @MethodSource("sampleCommands")
  void commandRoundTrips(Command<?> command) throws Exception {
    String json = MAPPER.writeValueAsString(command);
    JsonNode tree = MAPPER.readTree(json);

    assertThat(tree.get("type").asText()).isEqualTo(SocialearnJson.typeName(command.getClass()));
    assertOnlyComponents(command.getClass(), tree, "type");
    assertThat(MAPPER.readValue(json, new TypeReference<Command<?>>() {})).isEqualTo(command);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sampleValues")
  void valueRecordRoundTrips(String name, Object value, JavaType type) throws Exception {
    String json = MAPPER.writeValueAsString(value);
    assertOnlyComponents(value.getClass(), MAPPER.readTree(json));
    Object read = MAPPER.readValue(json, type);
    assertThat(read).isEqualTo(value);
  }

  @Test
  void eventListRoundTripsThroughTheBaseType() throws Exception {
    List<DomainEvent> events = sampleEvents();
    String json = MAPPER.writerFor(new TypeReference<List<DomainEvent>>() {})
        .writeValueAsString(events);
    assertThat(MAPPER.readValue(json, new TypeReference<List<DomainEvent>>() {}))
        .isEqualTo(events);
  }

  /** Every property of a written record is one of its components (recursively), or allowed. */
  private static void assertOnlyComponents(Class<?> type, JsonNode tree, String... allowed) {
    assertThat(tree.isObject()).as(type.getSimpleName() + " is a JSON object").isTrue();
    Set<String> names = Arrays.stream(type.getRecordComponents())
        .map(RecordComponent::getName)
        .collect(Collectors.toCollection(HashSet::new));
    names.addAll(List.of(allowed));
    assertThat(names).as("properties written for " + type.getSimpleName())
        .containsAll(fieldNames(tree));
  }

  /** The names of an object's properties, in the order they were written. */
  private static List<String> fieldNames(JsonNode tree) {
    List<String> names = new ArrayList<>();
    tree.fieldNames().forEachRemaining(names::add);
    return names;
  }

  // ---------------------------------------------------------------- exact shapes

  @Test
  void voteCastHasTheDocumentedShape() throws Exception {
    VoteCast vote = new VoteCast(P2, T1, ALICE, VoteDirection.UP, BOB);
    String expected = """
        {"type": "vote.cast",
         "target": {"post": "p-2"},
         "thread": "t-1",
         "voter": "alice",
         "direction": "UP",
         "contentAuthor": "bob"}""";

    assertThat(MAPPER.readTree(MAPPER.writeValueAsString(vote))).isEqualTo(MAPPER.readTree(expected));
    assertThat(MAPPER.writeValueAsString(vote)).startsWith("{\"type\":\"vote.cast\",");
    assertThat(MAPPER.readValue(expected, DomainEvent.class)).isEqualTo(vote);
  }

  @Test
  void personRegisteredHasTheDocumentedShape() throws Exception {
    PersonProfile profile = PersonProfile.builder(BOB).displayName("Bob").skills("java").build();
    String expected = """
        {"type": "person.registered",
         "profile": {"id": "bob", "displayName": "Bob", "orgUnit": "", "title": "",
                     "location": "", "declaredSkills": ["java"], "external": false,
                     "status": "ACTIVE"}}""";

    String json = MAPPER.writeValueAsString(new PersonRegistered(profile));

    // leavingOn and manager are null and omitted; leavingDate(), managerId()
    // and toBuilder() are not components and are not written.
    assertThat(MAPPER.readTree(json)).isEqualTo(MAPPER.readTree(expected));
  }

  @Test
  void commandAndContentRefShapes() throws Exception {
    assertThat(MAPPER.readTree(MAPPER.writeValueAsString(new CastVote(T1, VoteDirection.DOWN))))
        .isEqualTo(MAPPER.readTree(
            "{\"type\":\"cast-vote\",\"target\":{\"thread\":\"t-1\"},\"direction\":\"DOWN\"}"));
    assertThat(MAPPER.writeValueAsString(T1)).isEqualTo("\"t-1\"");
    assertThat(MAPPER.writeValueAsString(Tag.of("java"))).isEqualTo("\"java\"");
    assertThat(MAPPER.writerFor(ContentRef.class).writeValueAsString(P2))
        .isEqualTo("{\"post\":\"p-2\"}");
    assertThat(MAPPER.readValue("{\"thread\":\"t-1\"}", ContentRef.class)).isEqualTo(T1);
    assertThat(MAPPER.readValue("{\"post\":\"p-2\"}", ContentRef.class)).isEqualTo(P2);
    List<ContentRef> refs = List.of(T1, P2);
    String json = MAPPER.writerFor(new TypeReference<List<ContentRef>>() {})
        .writeValueAsString(refs);
    assertThat(json).isEqualTo("[{\"thread\":\"t-1\"},{\"post\":\"p-2\"}]");
    assertThat(MAPPER.readValue(json, new TypeReference<List<ContentRef>>() {})).isEqualTo(refs);
  }

  @Test
  void viewerIsWrittenWithoutItsDerivedFlags() throws Exception {
    JsonNode tree = MAPPER.readTree(MAPPER.writeValueAsString(Viewer.administrator(ALICE)));
    assertThat(tree).isEqualTo(MAPPER.readTree(
        "{\"person\":\"alice\",\"roles\":[\"ADMINISTRATOR\"]}"));
  }

  @Test
  void instantsKeepNanosecondsAndDatesAreIsoStrings() throws Exception {
    Instant precise = Instant.parse("2024-02-29T23:59:59.123456789Z");
    assertThat(MAPPER.writeValueAsString(precise)).isEqualTo("\"2024-02-29T23:59:59.123456789Z\"");
    assertThat(MAPPER.readValue("\"2024-02-29T23:59:59.123456789Z\"", Instant.class))
        .isEqualTo(precise);
    assertThat(MAPPER.writeValueAsString(LocalDate.of(2024, 2, 29))).isEqualTo("\"2024-02-29\"");
    assertThat(MAPPER.readValue("\"2024-02-29\"", LocalDate.class))
        .isEqualTo(LocalDate.of(2024, 2, 29));
    assertThatThrownBy(() -> MAPPER.readValue("\"yesterday\"", Instant.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("yesterday");
    assertThatThrownBy(() -> MAPPER.readValue("1714555800000", Instant.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> MAPPER.readValue("\"2024-02-30\"", LocalDate.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("2024-02-30");
  }

  @Test
  void idsAreMapKeys() throws Exception {
    Map<PersonId, Integer> points = new LinkedHashMap<>();
    points.put(ALICE, 3);
    points.put(BOB, -1);
    TypeReference<Map<PersonId, Integer>> type = new TypeReference<>() {};
    String json = MAPPER.writerFor(type).writeValueAsString(points);
    assertThat(json).isEqualTo("{\"alice\":3,\"bob\":-1}");
    assertThat(MAPPER.readValue(json, type)).isEqualTo(points);
    assertThatThrownBy(() -> MAPPER.readValue("{\"not valid\":1}", type))
        .isInstanceOf(JsonMappingException.class)
        .hasRootCauseInstanceOf(InvalidInputException.class);
  }

  // ---------------------------------------------------------------- evolution and errors

  @Test
  void storedFixtureReadsBackAsTheExpectedEvents() throws Exception {
    List<RecordedEvent> expected = List.of(
        new RecordedEvent(1, Instant.parse("2024-01-15T08:00:00Z"), new PersonRegistered(
            PersonProfile.builder(ALICE).displayName("Alice Liddell").orgUnit("Engineering")
                .skills("java", "kotlin").build())),
        new RecordedEvent(2, Instant.parse("2024-01-15T08:05:00Z"), new SpaceCreated(JAVA,
            "Java", "All things JVM", SpaceKind.COMMUNITY, SpaceVisibility.ORGANIZATION, ALICE)),
        new RecordedEvent(3, Instant.parse("2024-01-15T09:00:00.250Z"), new ThreadStarted(T1,
            JAVA, ThreadKind.QUESTION, "How do records work?", "Line one\nLine two",
            List.of(Tag.of("java"), Tag.of("records")), ALICE)),
        new RecordedEvent(4, Instant.parse("2024-01-15T09:10:00Z"),
            new AnswerPosted(P2, T1, "Like this.", BOB)),
        new RecordedEvent(5, Instant.parse("2024-01-15T09:11:00Z"),
            new VoteCast(P2, T1, ALICE, VoteDirection.UP, BOB)),
        new RecordedEvent(6, Instant.parse("2024-01-15T09:12:00Z"),
            new CommentAdded(C3, T1, T1, "Thanks!", BOB)),
        new RecordedEvent(7, Instant.parse("2024-01-15T09:13:00Z"),
            new AnswerAccepted(T1, P2, ALICE, BOB)),
        new RecordedEvent(8, Instant.parse("2024-01-16T10:00:00Z"), new ProfileUpdated(
            PersonProfile.builder(BOB).displayName("Bob").status(PersonStatus.LEAVING,
                LocalDate.of(2024, 6, 30)).manager(ALICE).build(), ALICE)),
        new RecordedEvent(9, Instant.parse("2024-01-16T10:05:00Z"),
            new ThreadMarkedDuplicate(T2, T1, BOB)));

    List<RecordedEvent> read;
    try (InputStream in = getClass().getResourceAsStream("/json/events-v1.json")) {
      assertThat(in).as("fixture /json/events-v1.json").isNotNull();
      read = MAPPER.readValue(in, new TypeReference<List<RecordedEvent>>() {});
    }

    assertThat(read).containsExactlyElementsOf(expected);
  }

  @Test
  void unknownEventTypeFailsNamingIt() {
    String json = "{\"type\":\"thread.exploded\",\"thread\":\"t-1\"}";
    assertThatThrownBy(() -> MAPPER.readValue(json, DomainEvent.class))
        .isInstanceOf(InvalidTypeIdException.class)
        .hasMessageContaining("thread.exploded");
    String recorded = "{\"sequence\":1,\"timestamp\":\"2024-01-01T00:00:00Z\",\"event\":" + json
        + "}";
    assertThatThrownBy(() -> MAPPER.readValue(recorded, RecordedEvent.class))
        .isInstanceOf(InvalidTypeIdException.class)
        .hasMessageContaining("thread.exploded");
    assertThatThrownBy(() -> MAPPER.readValue("{\"type\":\"explode-thread\"}",
            new TypeReference<Command<?>>() {}))
        .isInstanceOf(InvalidTypeIdException.class)
        .hasMessageContaining("explode-thread");
    assertThatThrownBy(() -> MAPPER.readValue("{\"comment\":\"c-1\"}", ContentRef.class))
        .isInstanceOf(InvalidTypeIdException.class)
        .hasMessageContaining("comment");
  }

  @Test
  void missingEventTypeFails() {
    assertThatThrownBy(() -> MAPPER.readValue("{\"thread\":\"t-1\",\"by\":\"alice\"}",
            DomainEvent.class))
        .isInstanceOf(InvalidTypeIdException.class)
        .hasMessageContaining("type");
  }

  @Test
  void constructorValidationSurfaces() {
    assertThatThrownBy(() -> MAPPER.readValue(
            "{\"type\":\"thread.reopened\",\"thread\":\"not an id\",\"by\":\"alice\"}",
            DomainEvent.class))
        .isInstanceOf(JsonMappingException.class)
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("threadId");
    assertThatThrownBy(() -> MAPPER.readValue("{\"type\":\"thread.reopened\",\"thread\":\"t-1\"}",
            DomainEvent.class))
        .isInstanceOf(JsonMappingException.class)
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("by is required");
    assertThatThrownBy(() -> MAPPER.readValue("{\"limit\":0}", PageRequest.class))
        .isInstanceOf(JsonMappingException.class)
        .hasRootCauseInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> MAPPER.readValue("\"Not A Tag\"", Tag.class))
        .isInstanceOf(JsonMappingException.class)
        .hasRootCauseInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> MAPPER.readValue("42", PersonId.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("PersonId");
    assertThatThrownBy(() -> MAPPER.readValue("\"1\"", VoteDirection.class))
        .isInstanceOf(JsonMappingException.class);
    assertThatThrownBy(() -> MAPPER.readValue("1", VoteDirection.class))
        .isInstanceOf(JsonMappingException.class);
  }

  @Test
  void olderEventsLackingPropertiesStillRead() throws Exception {
    // No "external" (primitive), no leavingOn/manager (nullable), no declaredSkills (collection).
    String profile = "{\"type\":\"person.registered\",\"profile\":{\"id\":\"bob\","
        + "\"displayName\":\"Bob\",\"status\":\"ACTIVE\"}}";
    assertThat(MAPPER.readValue(profile, DomainEvent.class))
        .isEqualTo(new PersonRegistered(minimalProfile()));

    String thread = "{\"type\":\"thread.started\",\"thread\":\"t-1\",\"space\":\"s-java\","
        + "\"kind\":\"QUESTION\",\"title\":\"T\",\"body\":\"B\",\"author\":\"alice\"}";
    assertThat(MAPPER.readValue(thread, DomainEvent.class)).isEqualTo(
        new ThreadStarted(T1, JAVA, ThreadKind.QUESTION, "T", "B", List.of(), ALICE));

    String nullTags = thread.replace("}", ",\"tags\":null}");
    assertThat(((ThreadStarted) MAPPER.readValue(nullTags, DomainEvent.class)).tags()).isEmpty();

    String summary = "{\"id\":\"t-1\",\"space\":\"s-java\",\"kind\":\"QUESTION\",\"title\":\"T\","
        + "\"author\":\"alice\",\"state\":\"OPEN\",\"createdAt\":\"2024-05-01T09:30:00Z\","
        + "\"lastActivityAt\":\"2024-05-01T09:30:00Z\"}";
    assertThat(MAPPER.readValue(summary, ThreadSummary.class)).isEqualTo(new ThreadSummary(T1,
        JAVA, ThreadKind.QUESTION, "T", List.of(), ALICE, ThreadState.OPEN, null, 0, 0, null,
        NOW, NOW));
  }

  @Test
  void unknownPropertiesAreIgnored() throws Exception {
    String json = "{\"type\":\"thread.reopened\",\"thread\":\"t-1\",\"by\":\"alice\","
        + "\"addedInVersion9\":{\"nested\":[1,2,3]}}";
    assertThat(MAPPER.readValue(json, DomainEvent.class)).isEqualTo(new ThreadReopened(T1, ALICE));
  }

  @Test
  void eventsIgnoreUnknownPropertiesEvenInAStrictHostMapper() throws Exception {
    ObjectMapper strict = new ObjectMapper().registerModule(new SocialearnJacksonModule());
    String json = "{\"sequence\":1,\"timestamp\":\"2024-01-01T00:00:00Z\",\"extra\":1,"
        + "\"event\":{\"type\":\"thread.reopened\",\"thread\":\"t-1\",\"by\":\"alice\","
        + "\"extra\":true}}";
    assertThat(strict.readValue(json, RecordedEvent.class)).isEqualTo(new RecordedEvent(1,
        Instant.parse("2024-01-01T00:00:00Z"), new ThreadReopened(T1, ALICE)));
    // Other types keep the host's strictness.
    assertThatThrownBy(() -> strict.readValue("{\"sequence\":1,\"extra\":1}", Done.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("extra");
    // And the module alone still writes api records by their components only.
    assertThat(strict.readTree(strict.writeValueAsString(Viewer.system())).size()).isEqualTo(2);
  }

  @Test
  void nullsAreOmitted() throws Exception {
    ObjectNode tree = (ObjectNode) MAPPER.readTree(MAPPER.writeValueAsString(postView(null, null)));
    assertThat(tree.has("editedAt")).isFalse();
    assertThat(tree.has("viewerVote")).isFalse();
    Iterator<String> names = tree.fieldNames();
    List<String> written = new ArrayList<>();
    names.forEachRemaining(written::add);
    assertThat(written).containsExactly("id", "thread", "author", "body", "score", "accepted",
        "createdAt", "comments");
  }

  @Test
  void datesAndInstantsAreIsoStringsAndAnythingElseIsRefusedNamingTheForm() throws Exception {
    assertThat(MAPPER.writeValueAsString(NOW)).isEqualTo("\"2024-05-01T09:30:00Z\"");
    assertThat(MAPPER.readValue("\"2024-05-01\"", LocalDate.class))
        .isEqualTo(LocalDate.parse("2024-05-01"));
    assertThatThrownBy(() -> MAPPER.readValue("\"yesterday\"", Instant.class))
        .hasMessageContaining("not an ISO-8601 Instant such as \"2024-05-01T09:30:00Z\"");
    assertThatThrownBy(() -> MAPPER.readValue("20240501", LocalDate.class))
        .hasMessageContaining("a LocalDate is written as an ISO-8601 string");
  }

  @Test
  void anExpertCandidatesSignalsAreWrittenInMixOrderAndReadBack() throws Exception {
    Map<String, Double> signals = new HashMap<>();
    for (int i = ExpertiseMix.SIGNALS.size() - 1; i >= 0; i--) {
      signals.put(ExpertiseMix.SIGNALS.get(i), (double) i);
    }
    ExpertCandidate c = new ExpertCandidate(PersonId.of("ana"), 2.5,
        List.of("answers payroll questions"), signals);
    String json = MAPPER.writeValueAsString(c);
    assertThat(fieldNames(MAPPER.readTree(json).get("signals")))
        .containsExactlyElementsOf(ExpertiseMix.SIGNALS);
    assertThat(MAPPER.readValue(json, ExpertCandidate.class)).isEqualTo(c);
    String nullSignal = json.replace("\"topic\":0.0", "\"topic\":null");
    assertThat(nullSignal).isNotEqualTo(json);
    assertThatThrownBy(() -> MAPPER.readValue(nullSignal, ExpertCandidate.class))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .rootCause().hasMessageContaining("signals[topic]");
  }

  @Test
  void aLearnedMixIsKeptAsJsonAndAWrongWeightIsRefusedOnRead() throws Exception {
    ExpertiseMix mix = ExpertiseMix.of(new double[] {0.5, 0, 1.25, 0, 2, 0.1, 0, 3, 0, 0, 0.7,
        1.5});
    String json = MAPPER.writeValueAsString(mix);
    assertThat(fieldNames(MAPPER.readTree(json)))
        .containsExactlyElementsOf(ExpertiseMix.SIGNALS);
    assertThat(MAPPER.readValue(json, ExpertiseMix.class)).isEqualTo(mix);
    String negative = json.replace("\"lastAnswer1h\":3.0", "\"lastAnswer1h\":-3.0");
    assertThat(negative).isNotEqualTo(json);
    assertThatThrownBy(() -> MAPPER.readValue(negative, ExpertiseMix.class))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .rootCause().hasMessageContaining("lastAnswer1h");
    // A mix kept before topicShare was a signal reads back with it at 0, as it ranked then.
    String before = json.replace(",\"topicShare\":1.5", "");
    assertThat(before).isNotEqualTo(json);
    assertThat(MAPPER.readValue(before, ExpertiseMix.class))
        .isEqualTo(ExpertiseMix.of(new double[] {0.5, 0, 1.25, 0, 2, 0.1, 0, 3, 0, 0, 0.7, 0}));
  }
}
