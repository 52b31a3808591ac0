package io.socialearn.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.Membership;
import io.socialearn.api.space.SpaceRole;
import io.socialearn.api.thread.ArticleOrigin;
import io.socialearn.api.thread.CommentView;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.json.SocialearnJson;
import io.socialearn.core.reputation.ReputationLedger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the engine's read models and reputation ledger as a snapshot and reads them back, so that start-up replays
 * only the log's tail. The form is gzip'd JSON of {@link Image}, whose lists keep every order the
 * read models keep. Stateless and thread-safe; the caller holds the engine's lock.
 */
final class StateCodec {
  /** The version of {@link Image}; a snapshot of another version is ignored (full replay). */
  static final int FORMAT = 2;

  private static final ObjectMapper MAPPER = SocialearnJson.newMapper();

  private StateCodec() {}

  /** A vote as the snapshot holds it. */
  record VoteRow(ContentRef target, PersonId voter, VoteDirection direction, Instant at) {}

  /** A person's days active and answers given. */
  record EngagementRow(PersonId person, EngineState.DaysActive days, int answers) {}

  /** A question's open bounty. */
  record BountyRow(ThreadId thread, EngineState.OpenBounty bounty) {}

  /** Whom a question was routed to. */
  record RoutedRow(ThreadId thread, List<PersonId> people) {}

  /** How many questions were routed to a person on their last routed day. */
  record RoutedTodayRow(PersonId person, EngineState.DaysActive routed) {}

  /** Where a promoted article comes from. */
  record ArticleRow(ThreadId article, ArticleOrigin origin) {}

  /** An ask-the-expert session with its questions in order. */
  record SessionImage(EngineState.SessionRow session, List<ThreadId> questions) {}

  /** Who read a thread. */
  record ViewersRow(ThreadId thread, List<PersonId> viewers) {}

  /** Two linked accounts. */
  record LinkRow(PersonId first, PersonId second) {}

  /** The sequences of a thread's or answer's edits, in order. */
  record EditsRow(ContentRef target, List<Long> edits) {}

  /** An activity entry with its person. */
  record ActivityRow(PersonId person, ActivityEntry entry) {}

  /** The read models as lists; see {@link EngineState} for what each holds. */
  record Image(int format, long lastSequence, List<PersonProfile> people, List<SpaceRow> spaces,
      List<Membership> members, List<ThreadRow> threads, List<PostRow> posts,
      List<CommentView> comments, List<VoteRow> votes, List<EditsRow> edits,
      List<ActivityRow> activity, List<LinkRow> links, List<EngagementRow> engagement,
      List<BountyRow> bounties, List<RoutedRow> routed, List<RoutedTodayRow> routedToday,
      List<ArticleRow> articles, List<SessionImage> sessions, List<ViewersRow> viewers,
      ReputationLedger.Image ledger) {}

  /** What a snapshot holds: the read models and the reputation ledger's contents. */
  record Decoded(EngineState state, ReputationLedger.Image ledger) {}

  static byte[] encode(EngineState state, ReputationLedger ledger) {
    List<Membership> members = new ArrayList<>();
    state.members.forEach((space, roles) -> roles.forEach(
        (person, role) -> members.add(new Membership(space, person, role))));
    List<VoteRow> votes = new ArrayList<>();
    state.votes.forEach((target, byVoter) -> byVoter.forEach((voter, direction) -> votes.add(
        new VoteRow(target, voter, direction, direction == VoteDirection.UP
            ? state.upvotes.get(voter).get(state.authorOf(target)).get(target) : null))));
    List<LinkRow> links = new ArrayList<>();
    state.links.forEach((first, others) -> others.forEach(second -> {
      if (first.value().compareTo(second.value()) < 0) {
        links.add(new LinkRow(first, second));
      }
    }));
    List<CommentView> comments = new ArrayList<>();
    state.comments.values().forEach(comments::addAll);
    List<EditsRow> edits = new ArrayList<>();
    state.edits.forEach((target, seqs) -> edits.add(new EditsRow(target, seqs)));
    List<ActivityRow> activity = new ArrayList<>();
    state.activity.forEach((person, entries) -> entries.forEach(
        entry -> activity.add(new ActivityRow(person, entry))));
    Image image = new Image(FORMAT, state.lastSequence, List.copyOf(state.people.values()),
        List.copyOf(state.spaces.values()), members,
        state.threads.values().stream().sorted(Comparator.comparingLong(ThreadRow::createdSeq))
            .toList(),
        state.posts.values().stream().sorted(Comparator.comparingLong(PostRow::createdSeq))
            .toList(),
        comments, votes, edits, activity, links, engagement(state),
        state.openBounties.entrySet().stream()
            .map(b -> new BountyRow(b.getKey(), b.getValue())).toList(),
        state.routedTo.entrySet().stream()
            .map(r -> new RoutedRow(r.getKey(), r.getValue())).toList(),
        state.routedToday.entrySet().stream()
            .map(r -> new RoutedTodayRow(r.getKey(), r.getValue())).toList(),
        state.articleOrigins.entrySet().stream()
            .map(a -> new ArticleRow(a.getKey(), a.getValue())).toList(),
        state.sessions.values().stream()
            .map(x -> new SessionImage(x, state.sessionQuestions.get(x.id()))).toList(),
        state.viewers.entrySet().stream()
            .map(v -> new ViewersRow(v.getKey(), List.copyOf(v.getValue()))).toList(),
        ledger.image());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      MAPPER.writeValue(out, image);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a snapshot", e);
    }
    return bytes.toByteArray();
  }

  private static List<EngagementRow> engagement(EngineState state) {
    Set<PersonId> people = new HashSet<>(state.daysActive.keySet());
    people.addAll(state.answersGiven.keySet());
    List<EngagementRow> rows = new ArrayList<>();
    for (PersonId person : people) {
      rows.add(new EngagementRow(person, state.daysActive.get(person),
          state.answersGiven.getOrDefault(person, -1)));
    }
    return rows;
  }

  /**
   * Reads a snapshot into an empty state.
   *
   * @throws IOException if the bytes are not a snapshot of this format
   */
  static Decoded decode(byte[] snapshot) throws IOException {
    Image image;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(snapshot))) {
      image = MAPPER.readValue(in, Image.class);
    } catch (RuntimeException e) {
      throw new IOException("not a readable snapshot: " + e.getMessage(), e);
    }
    if (image.format() != FORMAT) {
      throw new IOException("snapshot format " + image.format() + ", expected " + FORMAT);
    }
    EngineState state = new EngineState(null);
    image.people().forEach(p -> state.people.put(p.id(), p));
    for (SpaceRow space : image.spaces()) {
      state.spaces.put(space.id(), space);
      state.members.put(space.id(), new LinkedHashMap<>());
      state.threadsBySpace.put(space.id(), new ArrayList<>());
    }
    for (Membership m : image.members()) {
      Map<PersonId, SpaceRole> roles = state.members.get(m.space());
      roles.put(m.person(), m.role());
    }
    for (ThreadRow thread : image.threads()) {
      state.threads.put(thread.id(), thread);
      state.threadsBySpace.get(thread.space()).add(thread.id());
      state.postsByThread.put(thread.id(), new ArrayList<>());
    }
    for (PostRow post : image.posts()) {
      state.posts.put(post.id(), post);
      state.postsByThread.get(post.thread()).add(post.id());
    }
    image.comments().forEach(c ->
        state.comments.computeIfAbsent(c.target(), k -> new ArrayList<>()).add(c));
    for (VoteRow v : image.votes()) {
      state.votes.computeIfAbsent(v.target(), k -> new HashMap<>()).put(v.voter(), v.direction());
      if (v.direction() == VoteDirection.UP) {
        state.upvotes.computeIfAbsent(v.voter(), k -> new HashMap<>())
            .computeIfAbsent(state.authorOf(v.target()), k -> new LinkedHashMap<>())
            .put(v.target(), v.at());
      }
    }
    for (LinkRow link : image.links()) {
      state.links.computeIfAbsent(link.first(), k -> new HashSet<>()).add(link.second());
      state.links.computeIfAbsent(link.second(), k -> new HashSet<>()).add(link.first());
    }
    image.edits().forEach(r -> state.edits.put(r.target(), new ArrayList<>(r.edits())));
    image.activity().forEach(a ->
        state.activity.computeIfAbsent(a.person(), k -> new ArrayList<>()).add(a.entry()));
    for (EngagementRow row : image.engagement()) {
      if (row.days() != null) {
        state.daysActive.put(row.person(), row.days());
      }
      if (row.answers() >= 0) {
        state.answersGiven.put(row.person(), row.answers());
      }
    }
    image.bounties().forEach(b -> state.openBounties.put(b.thread(), b.bounty()));
    image.routed().forEach(r -> state.routedTo.put(r.thread(), r.people()));
    image.routedToday().forEach(r -> state.routedToday.put(r.person(), r.routed()));
    image.articles().forEach(a -> state.articleOrigins.put(a.article(), a.origin()));
    image.viewers().forEach(v -> state.viewers.put(v.thread(), new HashSet<>(v.viewers())));
    for (SessionImage x : image.sessions()) {
      state.sessions.put(x.session().id(), x.session());
      state.sessionQuestions.put(x.session().id(), new ArrayList<>(x.questions()));
      x.questions().forEach(q -> state.sessionOfThread.put(q, x.session().id()));
    }
    state.lastSequence = image.lastSequence();
    if (image.ledger() == null) {
      throw new IOException("snapshot without the reputation ledger");
    }
    return new Decoded(state, image.ledger());
  }
}
