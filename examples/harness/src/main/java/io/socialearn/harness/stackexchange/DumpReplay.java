package io.socialearn.harness.stackexchange;

import io.socialearn.api.SocialLearning;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.AddComment;
import io.socialearn.api.command.ApproveSuggestedEdit;
import io.socialearn.api.command.AwardBounty;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.ExpireBounty;
import io.socialearn.api.command.MakeCommunityWiki;
import io.socialearn.api.command.MarkDuplicate;
import io.socialearn.api.command.OfferBounty;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.harness.Progress;
import io.socialearn.harness.UsageException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Replays a Stack Exchange dump into socialearn through the public API, in time order: people,
 * questions, answers, comments, votes, accepts, bounties, posts becoming community wiki and
 * duplicate links, each command stamped with the row's original time by the {@link ImportClock}.
 *
 * <p>Reading streams every file with StAX; only a small index of the posts (no text) and a
 * bounded look-ahead per file are held in memory. A row that refers to something the dump lacks
 * (a vote on a deleted post) or that the engine refuses is counted and skipped, never fatal.
 * Votes carry no voter in dumps: the k-th vote on a post is cast by synthetic voter {@code
 * voter-k}, who is never an author, on the vote's day (at the post's creation time if the post was
 * created that same day). Not thread-safe; run once.
 */
public final class DumpReplay {
  private static final long DAY = 86_400_000L;
  private static final int LOOK_AHEAD = 200_000;
  private static final int BOUNTY_START = 8;
  private static final int BOUNTY_CLOSE = 9;
  /**
   * Stack Exchange lets people edit others' posts without review from 2000 reputation, or 1000
   * on a site in beta. A dump does not say whether its site was in beta, so only an edit by
   * someone below 1000 at the time is certainly a suggested edit that was approved.
   */
  static final int SUGGESTED_EDIT_BELOW = 1000;
  private static final List<String> FILES = List.of("Users.xml", "Posts.xml", "Comments.xml",
      "Votes.xml", "PostLinks.xml");

  private final Path dump;
  private final SocialLearning engine;
  private final ImportClock clock;
  private final PresetIds ids;
  private final ReplayListener listener;
  private final PrintStream err;
  private final Commands commands;
  private final People people;
  private PostIndex posts;
  private SpaceId space;
  private BitSet replayed;
  private BitSet failed;
  private BitSet accepted;
  private int[] votesOn;
  private final Map<Integer, List<Item>> pending = new HashMap<>();
  private final List<XmlRows> open = new ArrayList<>();
  private long seq;
  private long lastTime = Long.MIN_VALUE;
  private long outOfOrder;
  /** Whether the row being applied is dated before one already applied. */
  private boolean late;

  /**
   * Prepares a replay.
   *
   * @param dump the directory holding the dump's XML files
   * @param engine an engine built with {@code clock} and {@code ids} (see {@link ImportEngine})
   * @param listener told of each question as the replay reaches it
   * @param err where progress and warnings go
   */
  /** Who offered the open bounty on each question, and how much, by the question's dump id. */
  private final Map<Integer, Offer> bountyOffers = new HashMap<>();
  private boolean suggestedEdits;

  /** An open bounty: who offered it and how much. */
  private record Offer(PersonId offerer, int amount) {}

  public DumpReplay(Path dump, SocialLearning engine, ImportClock clock, PresetIds ids,
      ReplayListener listener, PrintStream err) {
    this.dump = dump;
    this.engine = engine;
    this.clock = clock;
    this.ids = ids;
    this.listener = listener;
    this.err = err;
    this.commands = new Commands(engine, err);
    this.people = new People(commands);
  }

  /**
   * Runs {@code hook} right after each dump user is registered, before anything they did is
   * replayed (for example to give them a starting bonus).
   */
  public void onUserRegistered(Consumer<PersonId> hook) {
    people.onUserRegistered(hook);
  }

  /**
   * Also replays the suggested edits the dump shows: a question or answer whose last editor is
   * not its owner and had less than {@link #SUGGESTED_EDIT_BELOW} reputation (as replayed so far)
   * at the edit's date was edited through an approved suggestion, which is approved then (with
   * its text already in place) and earns the editor the rules' reward. Only the last edit of
   * each post is in a dump (PostHistory.xml, when present, is not read), so this is a lower
   * bound. Off by default.
   */
  public DumpReplay withSuggestedEdits() {
    this.suggestedEdits = true;
    return this;
  }

  /** The thread a replayed question became. */
  public static ThreadId threadOf(int questionId) {
    return ThreadId.of("q" + questionId);
  }

  /** The person evaluations read as: an ordinary member who may read the site's space. */
  public static Viewer reader() {
    return Viewer.of(People.READER);
  }

  /**
   * Reads the post index (a first pass over Posts.xml) and Tags.xml.
   *
   * @throws io.socialearn.harness.UsageException if a file is missing or malformed
   */
  public PostIndex prepare() {
    if (posts == null) {
      for (String name : FILES) {
        if (!Files.isRegularFile(dump.resolve(name))) {
          throw new UsageException(dump.resolve(name)
              + ": no such dump file");
        }
      }
      long tags = 0;
      try (XmlRows rows = XmlRows.open(dump.resolve("Tags.xml"))) {
        while (rows.hasNext()) {
          rows.next();
          tags++;
        }
      }
      commands.counts().put("tagsListed", tags);
      posts = PostIndex.read(dump.resolve("Posts.xml"));
      replayed = new BitSet(posts.size());
      failed = new BitSet(posts.size());
      accepted = new BitSet(posts.size());
      votesOn = new int[posts.size()];
    }
    return posts;
  }

  /**
   * Replays the whole dump.
   *
   * @return counts of what was imported and skipped, by kind
   * @throws io.socialearn.harness.UsageException if a file is missing or malformed
   */
  public Map<String, Long> run() {
    prepare();
    long totalBytes = 0;
    for (String name : FILES) {
      totalBytes += dump.resolve(name).toFile().length();
    }
    Progress progress = new Progress(err, "import (KiB of dump)", Math.max(1, totalBytes / 1024));
    try {
      List<ReorderingSource> sources = List.of(
          source("Users.xml", this::userItem),
          source("Posts.xml", this::postItem),
          source("Comments.xml", this::commentItem),
          source("Votes.xml", this::voteItem),
          source("PostLinks.xml", this::linkItem),
          new ReorderingSource(laterPostEvents().iterator(), 2 * DAY, LOOK_AHEAD));
      PriorityQueue<ReorderingSource> heads = new PriorityQueue<>(
          (a, b) -> ReorderingSource.ORDER.compare(a.peek(), b.peek()));
      long lastKib = 0;
      for (ReorderingSource s : sources) {
        if (s.peek() != null) {
          heads.add(s);
        }
      }
      while (!heads.isEmpty()) {
        ReorderingSource head = heads.poll();
        Item item = head.poll();
        if (head.peek() != null) {
          heads.add(head);
        }
        apply(item);
        long kib = open.stream().mapToLong(XmlRows::bytesRead).sum() / 1024;
        progress.advance(kib - lastKib);
        lastKib = kib;
      }
      acceptTheRest();
      pending.values().forEach(items -> items.forEach(i -> commands.count(
          "skipped.waitingForMissingPost")));
      progress.finish();
    } finally {
      open.forEach(XmlRows::close);
    }
    Map<String, Long> counts = commands.counts();
    counts.put("rowsOutOfTimeOrder", outOfOrder);
    return counts;
  }

  /** How many commands the engine accepted. */
  public long commandsExecuted() {
    return commands.executed();
  }

  /** The space the site was imported into, once the replay started. */
  public SpaceId space() {
    return space;
  }

  private ReorderingSource source(String name, Function<Map<String, String>, Item> toItem) {
    XmlRows rows = XmlRows.open(dump.resolve(name));
    open.add(rows);
    Iterator<Item> items = new Iterator<>() {
      private Item next;

      @Override
      public boolean hasNext() {
        while (next == null && rows.hasNext()) {
          Map<String, String> row = rows.next();
          try {
            next = toItem.apply(row);
          } catch (IllegalArgumentException e) {
            throw new UsageException(rows.file() + ": row " + rows.rows() + ": "
                + e.getMessage(), e);
          }
        }
        return next != null;
      }

      @Override
      public Item next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Item item = next;
        next = null;
        return item;
      }
    };
    return new ReorderingSource(items, 2 * DAY, LOOK_AHEAD);
  }

  private Item item(long time, int stream, Map<String, String> row) {
    return new Item(time, stream, seq++, row);
  }

  /**
   * What happened to questions and answers after they were posted, in time order (a second pass
   * over Posts.xml, keeping two numbers per such post): each becoming community wiki, and, with
   * {@link #withSuggestedEdits()}, each one's last edit by someone other than its owner.
   */
  private List<Item> laterPostEvents() {
    List<Item> edits = new ArrayList<>();
    try (XmlRows rows = XmlRows.open(dump.resolve("Posts.xml"))) {
      while (rows.hasNext()) {
        Map<String, String> row = rows.next();
        int type = parseInt(row.get("PostTypeId"), 0);
        int editor = parseInt(row.get("LastEditorUserId"), PostIndex.NO_USER);
        int owner = parseInt(row.get("OwnerUserId"), PostIndex.NO_USER);
        String date = row.get("LastEditDate");
        String wiki = row.get("CommunityOwnedDate");
        int id = parseInt(row.get("Id"), 0);
        if ((type == 1 || type == 2) && wiki != null && !wiki.isBlank()) {
          long time = Math.max(DumpDates.parse(wiki).toEpochMilli(), posts.created(id));
          edits.add(item(time, Item.WIKI, Map.of("PostId", Integer.toString(id))));
        }
        if (suggestedEdits && (type == 1 || type == 2) && editor > 0 && editor != owner
            && date != null) {
          long time = Math.max(DumpDates.parse(date).toEpochMilli(), posts.created(id));
          edits.add(item(time, Item.EDIT, Map.of("PostId", Integer.toString(id),
              "UserId", Integer.toString(editor))));
        }
      }
    }
    edits.sort(ReorderingSource.ORDER);
    return edits;
  }

  private Item userItem(Map<String, String> row) {
    return item(DumpDates.parse(row.get("CreationDate")).toEpochMilli(), Item.USER, row);
  }

  private Item postItem(Map<String, String> row) {
    long created = DumpDates.parse(row.get("CreationDate")).toEpochMilli();
    int parent = parseInt(row.get("ParentId"), 0);
    return item(Math.max(created, parent == 0 ? created : posts.created(parent)), Item.POST, row);
  }

  private Item commentItem(Map<String, String> row) {
    return onPost(row, "PostId", Item.COMMENT, "skipped.commentsOnPostsNotInDump");
  }

  private Item voteItem(Map<String, String> row) {
    return onPost(row, "PostId", Item.VOTE, "skipped.votesOnPostsNotInDump");
  }

  private Item onPost(Map<String, String> row, String postAttribute, int stream, String missing) {
    long created = posts.created(parseInt(row.get(postAttribute), 0));
    if (created == Long.MIN_VALUE) {
      commands.count(missing);
      return null;
    }
    return item(Math.max(DumpDates.parse(row.get("CreationDate")).toEpochMilli(), created),
        stream, row);
  }

  private Item linkItem(Map<String, String> row) {
    long from = posts.created(parseInt(row.get("PostId"), 0));
    long to = posts.created(parseInt(row.get("RelatedPostId"), 0));
    if (from == Long.MIN_VALUE || to == Long.MIN_VALUE) {
      commands.count("skipped.linksToPostsNotInDump");
      return null;
    }
    long time = DumpDates.parse(row.get("CreationDate")).toEpochMilli();
    return item(Math.max(time, Math.max(from, to)), Item.LINK, row);
  }

  private void apply(Item item) {
    late = item.time() < lastTime;
    if (late) {
      outOfOrder++;
    }
    lastTime = Math.max(lastTime, item.time());
    clock.set(Instant.ofEpochMilli(item.time()));
    if (space == null) {
      people.registerStaff();
      space = commands.run("spaces", Viewer.system(), CreateSpace.community(siteName()));
    }
    Map<String, String> row = item.row();
    switch (item.stream()) {
      case Item.USER -> people.userRow(parseInt(row.get("Id"), 0), row.get("DisplayName"));
      case Item.POST -> post(item);
      case Item.COMMENT -> comment(item);
      case Item.VOTE -> vote(item);
      case Item.LINK -> link(row);
      case Item.EDIT -> suggestedEdit(item);
      case Item.WIKI -> communityWiki(item);
      default -> throw new IllegalStateException("unknown stream " + item.stream());
    }
  }

  private String siteName() {
    String name = dump.toAbsolutePath().normalize().getFileName() == null ? "site"
        : dump.toAbsolutePath().normalize().getFileName().toString();
    return name.length() > 100 ? name.substring(0, 100) : name;
  }

  private void post(Item item) {
    Map<String, String> row = item.row();
    int id = parseInt(row.get("Id"), 0);
    int at = posts.find(id);
    int type = posts.typeAt(at);
    if (type == 1) {
      question(row, id, at);
    } else if (type == 2) {
      int parent = posts.parentAt(at);
      if (waitFor(parent, item, "answers")) {
        return;
      }
      PersonId author = author(row, "p" + id);
      ids.preset("a" + id);
      PostId answer = commands.run("answers", Viewer.of(author),
          new PostAnswer(threadOf(parent), Texts.body(Html.toText(nonNull(row.get("Body"))),
              commands)));
      done(at, answer != null);
    } else {
      commands.count("skipped.postsOfOtherTypes");
    }
  }

  private void question(Map<String, String> row, int id, int at) {
    PersonId author = author(row, "p" + id);
    DumpQuestion question = new DumpQuestion(id, posts.createdAt(at),
        nonNull(row.get("Title")), nonNull(row.get("Body")), Texts.tags(row.get("Tags"),
            commands), late);
    listener.beforeQuestion(question);
    ids.preset(threadOf(id).value());
    ThreadId thread = commands.run("questions", Viewer.of(author), new StartThread(space,
        ThreadKind.QUESTION, Texts.title(question.title(), commands),
        Texts.body(Html.toText(question.bodyHtml()), commands), question.tags()));
    done(at, thread != null);
    if (thread != null) {
      listener.afterQuestion(question, thread);
    }
  }

  private void comment(Item item) {
    Map<String, String> row = item.row();
    int postId = parseInt(row.get("PostId"), 0);
    if (waitFor(postId, item, "comments")) {
      return;
    }
    String text = row.get("Text");
    if (text == null || text.isBlank()) {
      commands.count("skipped.comments.blank");
      return;
    }
    int commentId = parseInt(row.get("Id"), 0);
    PersonId author = people.author(parseInt(row.get("UserId"), PostIndex.NO_USER),
        row.get("UserDisplayName"), "anon-c" + commentId);
    ids.preset("c" + commentId);
    commands.run("comments", Viewer.of(author), new AddComment(ref(postId),
        Texts.clean(text)));
  }

  private void vote(Item item) {
    Map<String, String> row = item.row();
    int postId = parseInt(row.get("PostId"), 0);
    int type = parseInt(row.get("VoteTypeId"), 0);
    if (type != 1 && type != 2 && type != 3 && type != BOUNTY_START && type != BOUNTY_CLOSE) {
      commands.count("skipped.votesOfOtherTypes");
      return;
    }
    if (waitFor(postId, item, "votes")) {
      return;
    }
    int at = posts.find(postId);
    if (type == 1) {
      accept(at);
      return;
    }
    if (type == BOUNTY_START) {
      bountyStart(row, postId);
      return;
    }
    if (type == BOUNTY_CLOSE) {
      bountyClose(row, at);
      return;
    }
    int k = ++votesOn[at];
    PersonId voter = people.voter(k);
    commands.run(type == 2 ? "votes.up" : "votes.down", Viewer.of(voter),
        new CastVote(ref(postId), type == 2 ? VoteDirection.UP : VoteDirection.DOWN));
  }

  /** An edit by someone without the privilege to edit others' posts: an approved suggestion. */
  private void suggestedEdit(Item item) {
    Map<String, String> row = item.row();
    int postId = parseInt(row.get("PostId"), 0);
    if (waitFor(postId, item, "suggestedEdits")) {
      return;
    }
    PersonId editor = people.author(parseInt(row.get("UserId"), PostIndex.NO_USER), null,
        "anon-e" + postId);
    if (engine.reputation(reader(), editor).score().points() >= SUGGESTED_EDIT_BELOW) {
      commands.count("skipped.suggestedEdits.editorMayHaveHadThePrivilege");
      return;
    }
    commands.run("suggestedEdits", Viewer.system(),
        new ApproveSuggestedEdit(ref(postId), editor, null, ""));
  }

  /** A post became community wiki: votes on it from then on earn its owner nothing. */
  private void communityWiki(Item item) {
    int postId = parseInt(item.row().get("PostId"), 0);
    if (waitFor(postId, item, "communityWiki")) {
      return;
    }
    commands.run("communityWiki", Viewer.system(), new MakeCommunityWiki(ref(postId)));
  }

  /** A bounty offered on a question: the vote row names the offerer and the amount. */
  private void bountyStart(Map<String, String> row, int questionId) {
    int userId = parseInt(row.get("UserId"), PostIndex.NO_USER);
    int amount = parseInt(row.get("BountyAmount"), 0);
    if (userId == PostIndex.NO_USER || !posts.isQuestion(questionId)) {
      commands.count("skipped.bounties.noOffererOrNotAQuestion");
      return;
    }
    PersonId offerer = people.author(userId, null, "anon-b" + questionId);
    if (commands.run("bounties.offered", Viewer.of(offerer),
        new OfferBounty(threadOf(questionId), amount)) != null) {
      bountyOffers.put(questionId, new Offer(offerer, amount));
    }
  }

  /**
   * A bounty closed on the answer that earned it; the row's amount says how much it earned: the
   * whole bounty when the offerer awarded it, half when the bounty lapsed and the site gave it
   * out. A close on a question, or with no amount, awards nothing.
   */
  private void bountyClose(Map<String, String> row, int answerAt) {
    int earned = parseInt(row.get("BountyAmount"), 0);
    Offer offer = bountyOffers.remove(posts.parentAt(answerAt));
    if (posts.typeAt(answerAt) != 2 || offer == null || earned <= 0) {
      commands.count("skipped.bounties.closedWithoutAward");
      return;
    }
    PostId answer = PostId.of("a" + posts.idAt(answerAt));
    if (earned < offer.amount()) {
      commands.run("bounties.lapsedHalfAwarded", Viewer.system(), new ExpireBounty(answer));
    } else {
      commands.run("bounties.awarded", Viewer.of(offer.offerer()), new AwardBounty(answer));
    }
  }

  /** Applies an accept-vote if it names the answer the question finally accepted. */
  private void accept(int answerAt) {
    int question = posts.find(posts.parentAt(answerAt));
    if (question < 0 || posts.acceptedAt(question) != posts.idAt(answerAt)) {
      commands.count("skipped.acceptVotesOnAnswersNotFinallyAccepted");
      return;
    }
    if (accepted.get(question) || !replayed.get(question)) {
      commands.count("skipped.accepts.questionNotImported");
      return;
    }
    accepted.set(question);
    commands.run("accepts", Viewer.of(askerOf(question)),
        new AcceptAnswer(PostId.of("a" + posts.idAt(answerAt))));
  }

  /** Accepts whose vote the dump lacks: applied at the answer's creation time, and counted. */
  private void acceptTheRest() {
    for (int q = 0; q < posts.size(); q++) {
      int answer = posts.acceptedAt(q);
      int answerAt = answer == 0 ? -1 : posts.find(answer);
      if (posts.typeAt(q) == 1 && answerAt >= 0 && !accepted.get(q) && replayed.get(q)
          && replayed.get(answerAt)) {
        accepted.set(q);
        clock.set(Instant.ofEpochMilli(posts.createdAt(answerAt)));
        commands.run("acceptsWithoutVoteDate", Viewer.of(askerOf(q)),
            new AcceptAnswer(PostId.of("a" + answer)));
      }
    }
  }

  private PersonId askerOf(int questionAt) {
    int owner = posts.ownerAt(questionAt);
    return owner == PostIndex.NO_USER ? PersonId.of("anon-p" + posts.idAt(questionAt))
        : People.userId(owner);
  }

  private void link(Map<String, String> row) {
    int type = parseInt(row.get("LinkTypeId"), 0);
    int from = parseInt(row.get("PostId"), 0);
    int to = parseInt(row.get("RelatedPostId"), 0);
    if (type != 3) {
      commands.count("skipped.linksNotDuplicates");
      return;
    }
    if (!posts.isQuestion(from) || !posts.isQuestion(to)
        || !replayed.get(posts.find(from)) || !replayed.get(posts.find(to))) {
      commands.count("skipped.duplicates.questionNotImported");
      return;
    }
    commands.run("duplicates", Viewer.administrator(People.MODERATORS),
        new MarkDuplicate(threadOf(from), threadOf(to)));
  }

  /**
   * Whether {@code item} must wait for post {@code postId}, which the replay has not reached yet
   * (it is then parked and applied right after that post); a post that failed or is not a
   * question or answer makes the item skipped, which also returns true.
   */
  private boolean waitFor(int postId, Item item, String what) {
    int at = posts.find(postId);
    if (at < 0 || failed.get(at) || (posts.typeAt(at) != 1 && posts.typeAt(at) != 2)) {
      commands.count("skipped." + what + ".targetNotImported");
      return true;
    }
    if (!replayed.get(at)) {
      pending.computeIfAbsent(postId, k -> new ArrayList<>()).add(item);
      return true;
    }
    return false;
  }

  private void done(int at, boolean ok) {
    (ok ? replayed : failed).set(at);
    List<Item> waiting = pending.remove(posts.idAt(at));
    if (waiting != null) {
      waiting.forEach(this::apply);
    }
  }

  private PersonId author(Map<String, String> row, String anonId) {
    return people.author(parseInt(row.get("OwnerUserId"), PostIndex.NO_USER),
        row.get("OwnerDisplayName"), "anon-" + anonId);
  }

  private ContentRef ref(int postId) {
    return posts.isQuestion(postId) ? threadOf(postId) : PostId.of("a" + postId);
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }

  private static int parseInt(String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
