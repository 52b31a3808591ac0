package io.socialearn.core;

import io.socialearn.api.NotFoundException;
import io.socialearn.api.Page;
import io.socialearn.api.PageRequest;
import io.socialearn.api.Viewer;
import io.socialearn.api.people.ActivityItem;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.reputation.VotingRing;
import io.socialearn.api.space.ExpertSession;
import io.socialearn.api.space.Membership;
import io.socialearn.api.space.SessionId;
import io.socialearn.api.space.SessionState;
import io.socialearn.api.space.Space;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceRole;
import io.socialearn.api.thread.CommentView;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.FlaggedPost;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.PostView;
import io.socialearn.api.thread.Revision;
import io.socialearn.api.thread.ThreadDetail;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadSort;
import io.socialearn.api.thread.ThreadState;
import io.socialearn.api.thread.ThreadSummary;
import io.socialearn.api.thread.VoteDirection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;

/** Builds what readers see from the state, always through {@link Access}. Called under the read lock. */
final class Reads {
  private final EngineState state;
  private final Access access;

  Reads(EngineState state, Access access) {
    this.state = state;
    this.access = access;
  }

  ThreadDetail thread(Viewer viewer, ThreadId id) {
    ThreadRow row = access.thread(viewer, id);
    List<PostView> answers = new ArrayList<>();
    for (PostId postId : state.answersOf(id)) {
      PostRow post = state.posts.get(postId);
      if (!post.deleted()) {
        Texts.Text text = state.text(post);
        answers.add(new PostView(post.id(), id, post.author(), text.body(), post.score(),
            post.id().equals(row.accepted()), post.createdAt(), text.editedAt(),
            vote(post.id(), viewer.person()), comments(post.id())));
      }
    }
    answers.sort(Comparator.comparing((PostView p) -> !p.accepted())
        .thenComparing(Comparator.comparingInt(PostView::score).reversed())
        .thenComparingLong(p -> state.posts.get(p.id()).createdSeq()));
    Texts.Text text = state.text(row);
    return new ThreadDetail(row.summary(), text.body(), text.editedAt(),
        vote(id, viewer.person()), comments(id), answers);
  }

  private VoteDirection vote(ContentRef target, PersonId person) {
    return state.voteOf(target, person);
  }

  private List<CommentView> comments(ContentRef target) {
    return state.comments(target);
  }

  Page<ThreadSummary> threads(Viewer viewer, SpaceId spaceId, ThreadSort sort, PageRequest page) {
    access.space(viewer, spaceId);
    // A cursor names its space's list: another space's is invalid input, not a foreign position.
    String list = "threads-" + sort.name().toLowerCase(java.util.Locale.ROOT) + "-"
        + spaceId.value();
    Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), list);
    SpaceThreads codes = state.threadsBySpace.get(spaceId);
    ThreadTable t = state.threads;
    IntPredicate live = code -> !t.deleted(code);
    // Each order's key, smallest first, as a cursor holds it: (primary, secondary).
    return switch (sort) {
      case NEWEST -> {
        Page<ThreadSummary> walked = newest(codes, list, after, page.limit());
        yield walked != null ? walked : smallest(codes, list, after, page.limit(), live,
            code -> -t.createdSeq(code), code -> 0, false);
      }
      case ACTIVITY -> smallest(codes, list, after, page.limit(), live,
          code -> -t.lastActivitySeq(code), code -> -t.createdSeq(code), false);
      case VOTES -> smallest(codes, list, after, page.limit(), live,
          code -> -t.score(code), code -> -t.createdSeq(code), false);
      case UNANSWERED -> smallest(codes, list, after, page.limit(),
          code -> !t.deleted(code) && t.openUnanswered(code),
          code -> t.createdSeq(code), code -> 0, true);
    };
  }

  /**
   * A page of a space's threads newest first, read from the end of its list instead of
   * selecting from every thread: a space keeps its threads in the order they were started, so
   * the page is the last rows before the cursor that are not deleted (found by binary search),
   * and costs the page's rows rather than the space's. Null if the rows walked show that order
   * broken (a thread started twice in a log written by hand): the caller then selects.
   */
  private Page<ThreadSummary> newest(SpaceThreads codes, String list, Cursor after, int limit) {
    ThreadTable t = state.threads;
    // The rows after the cursor were started before this sequence.
    long before = after == null ? Long.MAX_VALUE : -after.primary();
    int end = codes.size();
    if (after != null) {
      int lo = 0;
      while (lo < end) {
        int mid = (lo + end) >>> 1;
        if (t.createdSeq(codes.get(mid)) < before) {
          lo = mid + 1;
        } else {
          end = mid;
        }
      }
    }
    List<ThreadSummary> shown = new ArrayList<>();
    long last = before;
    long lastShown = 0;
    for (int i = end - 1; i >= 0; i--) {
      int code = codes.get(i);
      long created = t.createdSeq(code);
      if (created >= last) {
        return null;
      }
      last = created;
      if (t.deleted(code)) {
        continue;
      }
      if (shown.size() == limit) {
        return new Page<>(shown, new Cursor(list, -lastShown, 0).encode());
      }
      shown.add(t.row(code).summary());
      lastShown = created;
    }
    return new Page<>(shown, null);
  }

  /**
   * A page of a space's threads in the order of a key (primary, then secondary, smallest first;
   * unique, as each thread's start sequence is one of its parts), the included rows after the
   * cursor: the page and one more are kept in a small sorted buffer while the table's columns are
   * read by row code, instead of making every row and sorting them all. {@code forward} walks
   * the space's list from its first thread (for keys that grow with it, so the buffer fills at
   * once and then only compares), otherwise from its last.
   */
  private Page<ThreadSummary> smallest(SpaceThreads codes, String list, Cursor after, int limit,
      IntPredicate include, IntToLongFunction primary, IntToLongFunction secondary,
      boolean forward) {
    int keep = limit + 1;
    long[] firsts = new long[keep];
    long[] seconds = new long[keep];
    int[] kept = new int[keep];
    int n = 0;
    int size = codes.size();
    for (int i = 0; i < size; i++) {
      int code = codes.get(forward ? i : size - 1 - i);
      if (!include.test(code)) {
        continue;
      }
      long p = primary.applyAsLong(code);
      long s = secondary.applyAsLong(code);
      if (after != null && compare(p, s, after.primary(), after.secondary()) <= 0
          || n == keep && compare(p, s, firsts[n - 1], seconds[n - 1]) >= 0) {
        continue;
      }
      // The slot freed: the next one, or the largest kept, which this row pushes out.
      int j = n < keep ? n++ : keep - 1;
      while (j > 0 && compare(p, s, firsts[j - 1], seconds[j - 1]) < 0) {
        firsts[j] = firsts[j - 1];
        seconds[j] = seconds[j - 1];
        kept[j] = kept[j - 1];
        j--;
      }
      firsts[j] = p;
      seconds[j] = s;
      kept[j] = code;
    }
    int shown = Math.min(n, limit);
    List<ThreadSummary> items = new ArrayList<>(shown);
    for (int i = 0; i < shown; i++) {
      items.add(state.threads.row(kept[i]).summary());
    }
    String next = n > limit
        ? new Cursor(list, firsts[limit - 1], seconds[limit - 1]).encode() : null;
    return new Page<>(items, next);
  }

  /** Orders keys as {@link Cursor#compareTo} does. */
  private static int compare(long p, long s, long otherP, long otherS) {
    int c = Long.compare(p, otherP);
    return c != 0 ? c : Long.compare(s, otherS);
  }

  /**
   * The questions routed to the viewer that still wait for them: readable, not deleted, open,
   * without an accepted answer or a live answer of theirs; newest first.
   */
  Page<ThreadSummary> questionsRoutedTo(Viewer viewer, PageRequest page) {
    List<ThreadRow> rows = new ArrayList<>();
    // One id look-up per routed question, the thread's; its answers are walked by row code.
    for (ThreadId id : state.routedFor.getOrDefault(viewer.person(), List.of())) {
      int code = state.threads.code(id);
      ThreadRow row = code < 0 ? null : state.threads.row(code);
      if (row != null && !row.deleted() && row.closure() == ThreadState.OPEN
          && row.accepted() == null && access.canRead(viewer, state.spaces.get(row.space()))
          && !answered(code, viewer.person())) {
        rows.add(row);
      }
    }
    String list = "routed-" + viewer.person().value();
    return page(rows, r -> new Cursor(list, -r.createdSeq(), 0), list, page, ThreadRow::summary);
  }

  /** Whether {@code person} has a live answer to the thread of row code {@code thread}. */
  private boolean answered(int thread, PersonId person) {
    for (int a = state.answerChains.first(thread); a >= 0; a = state.answerChains.next(a)) {
      PostRow row = state.posts.row(a);
      if (!row.deleted() && row.author().equals(person)) {
        return true;
      }
    }
    return false;
  }

  Page<ActivityItem> activity(Viewer viewer, PersonId person, PageRequest page) {
    if (!state.people.containsKey(person)) {
      throw new NotFoundException("person", person.value());
    }
    List<ActivityEntry> visible = new ArrayList<>();
    for (ActivityEntry entry : state.activityOf(person)) {
      ThreadRow thread = state.threads.get(entry.thread());
      boolean postGone = entry.target() instanceof PostId p && state.posts.get(p).deleted();
      if (!thread.deleted() && !postGone && access.canRead(viewer, state.spaces.get(thread.space()))) {
        visible.add(entry);
      }
    }
    String list = "activity-" + person.value();
    return page(visible, e -> new Cursor(list, -e.sequence(), 0), list, page,
        e -> new ActivityItem(e.sequence(), e.at(), e.kind(), e.thread(),
            state.threads.get(e.thread()).title(), e.target()));
  }

  private static <T, R> Page<R> page(List<T> rows, Function<T, Cursor> key, String list,
      PageRequest request, Function<T, R> view) {
    Cursor after = request.cursor() == null ? null : Cursor.decode(request.cursor(), list);
    List<T> sorted = new ArrayList<>();
    for (T row : rows) {
      if (after == null || key.apply(row).compareTo(after) > 0) {
        sorted.add(row);
      }
    }
    sorted.sort(Comparator.comparing(key));
    boolean more = sorted.size() > request.limit();
    List<T> shown = more ? sorted.subList(0, request.limit()) : sorted;
    String next = more ? key.apply(shown.get(shown.size() - 1)).encode() : null;
    return new Page<>(shown.stream().map(view).toList(), next);
  }

  /** Whether the viewer may read a thread or answer that still exists. */
  boolean canRead(Viewer viewer, ContentRef content) {
    try {
      access.threadOf(viewer, content);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /**
   * Open flags in the spaces the viewer moderates, or in every space they read when
   * {@code trustedToModerate}, longest-waiting first.
   */
  List<FlaggedPost> flagQueue(Viewer viewer, boolean trustedToModerate) {
    List<FlaggedPost> queue = new ArrayList<>();
    state.openFlags.forEach((target, flags) -> {
      ThreadId thread = target instanceof ThreadId t ? t
          : state.posts.get((PostId) target).thread();
      SpaceId space = state.threads.get(thread).space();
      boolean sees = access.isModerator(viewer, space)
          || (trustedToModerate && access.canRead(viewer, state.spaces.get(space)));
      if (sees) {
        queue.add(new FlaggedPost(target, thread, space, flags));
      }
    });
    return queue;
  }

  /** Pairs of people who vote mostly for each other, by the policy's thresholds, by id. */
  List<VotingRing> votingRings(AntiGamingPolicy policy) {
    List<VotingRing> rings = new ArrayList<>();
    state.upvotes.forEachInOrder((v, a, count, recent) -> {
      PersonId voter = state.personIds.get(v);
      PersonId author = state.personIds.get(a);
      if (voter.value().compareTo(author.value()) < 0 && votesMostlyFor(v, a, policy)
          && votesMostlyFor(a, v, policy)) {
        rings.add(new VotingRing(voter, author, count, state.upvotes.count(a, v)));
      }
    });
    rings.sort(Comparator.comparing((VotingRing r) -> r.first().value())
        .thenComparing(r -> r.second().value()));
    return rings;
  }

  private boolean votesMostlyFor(int voter, int author, AntiGamingPolicy policy) {
    int toAuthor = state.upvotes.count(voter, author);
    int total = state.upvotes.total(voter);
    return toAuthor > 0 && toAuthor >= policy.ringVotes() && toAuthor >= policy.ringShare() * total;
  }

  ExpertSession session(Viewer viewer, SessionId id, Instant now) {
    EngineState.SessionRow row = state.sessions.get(id);
    if (row == null || !access.canRead(viewer, state.spaces.get(row.space()))) {
      throw new NotFoundException("session", id.value());
    }
    SessionState phase = now.isBefore(row.startsAt()) ? SessionState.SCHEDULED
        : now.isBefore(row.endsAt()) ? SessionState.LIVE : SessionState.ENDED;
    List<ThreadSummary> questions = state.sessionQuestions.get(id).stream()
        .map(state.threads::get).filter(t -> !t.deleted())
        .sorted(Comparator.comparingInt((ThreadRow t) -> -t.score())
            .thenComparingLong(ThreadRow::createdSeq))
        .map(ThreadRow::summary).toList();
    return new ExpertSession(row.id(), row.space(), row.expert(), row.title(), row.startsAt(),
        row.endsAt(), phase, questions);
  }

  PersonProfile person(PersonId person) {
    PersonProfile profile = state.people.get(person);
    if (profile == null) {
      throw new NotFoundException("person", person.value());
    }
    return profile;
  }

  List<Space> spaces(Viewer viewer) {
    List<Space> visible = new ArrayList<>();
    for (SpaceRow row : state.spaces.values()) {
      if (access.canRead(viewer, row)) {
        visible.add(row.view(state.members.get(row.id()).size()));
      }
    }
    visible.sort(Comparator.comparing(Space::name).thenComparing(s -> s.id().value()));
    return visible;
  }

  Space space(Viewer viewer, SpaceId id) {
    return access.space(viewer, id).view(state.members.get(id).size());
  }

  List<Membership> members(Viewer viewer, SpaceId id) {
    access.space(viewer, id);
    return state.members.get(id).entrySet().stream()
        .map(m -> new Membership(id, m.getKey(), m.getValue()))
        .sorted(Comparator.comparing((Membership m) -> m.role() != SpaceRole.OWNER)
            .thenComparing(m -> m.role() != SpaceRole.MODERATOR)
            .thenComparing(m -> m.person().value()))
        .toList();
  }

  List<Revision> revisions(Viewer viewer, ContentRef content) {
    access.threadOf(viewer, content);
    return List.copyOf(state.revisions(content));
  }
}
