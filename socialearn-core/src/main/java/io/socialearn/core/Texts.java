package io.socialearn.core;

import io.socialearn.api.event.AnswerPosted;
import io.socialearn.api.event.CommentAdded;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.EventLog;
import io.socialearn.api.event.PostEdited;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.ThreadEdited;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.thread.CommentView;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.Revision;
import java.time.Instant;
import java.util.List;

/**
 * The heavy text the read models do not keep on the heap: bodies, comments and revisions are read
 * on demand from the event log, which is the store, by the sequence of the event that wrote them.
 * Thread-safe as far as the log is.
 */
final class Texts {
  private final EventLog log;

  Texts(EventLog log) {
    this.log = log;
  }

  /** The event at {@code sequence}. */
  RecordedEvent event(long sequence) {
    return log.read(sequence);
  }

  /** The body the event at {@code sequence} wrote: a thread's or an answer's, started or edited. */
  String body(long sequence) {
    return body(event(sequence));
  }

  private static String body(RecordedEvent recorded) {
    DomainEvent e = recorded.event();
    long sequence = recorded.sequence();
    if (e instanceof ThreadStarted t) {
      return t.body();
    } else if (e instanceof ThreadEdited t) {
      return t.body();
    } else if (e instanceof AnswerPosted a) {
      return a.body();
    } else if (e instanceof PostEdited p) {
      return p.body();
    }
    throw new IllegalStateException("event " + sequence + " is a " + e.getClass().getSimpleName()
        + ", which writes no body");
  }

  /**
   * A body with when it was last edited.
   *
   * @param body the text
   * @param editedAt when the edit that wrote it was made, or null if it is the first version
   */
  record Text(String body, Instant editedAt) {}

  /**
   * The body the event at {@code sequence} wrote, with that event's time as the last edit's if
   * {@code edited} (else none): one read for both.
   */
  Text text(long sequence, boolean edited) {
    RecordedEvent recorded = event(sequence);
    return new Text(body(recorded), edited ? recorded.timestamp() : null);
  }

  /**
   * The comment the event at {@code sequence} added to {@code target} ({@code target} is the
   * instance the view holds).
   */
  CommentView comment(ContentRef target, long sequence) {
    RecordedEvent recorded = event(sequence);
    if (recorded.event() instanceof CommentAdded c) {
      return new CommentView(c.comment(), target, c.author(), c.body(), recorded.timestamp());
    }
    throw new IllegalStateException("event " + sequence + " is a "
        + recorded.event().getClass().getSimpleName() + ", which adds no comment");
  }

  /** The revision with {@code number} of {@code target} that the event at {@code sequence} made. */
  Revision revision(ContentRef target, int number, long sequence) {
    RecordedEvent recorded = event(sequence);
    DomainEvent e = recorded.event();
    if (e instanceof ThreadStarted t) {
      return new Revision(target, number, t.author(), recorded.timestamp(), t.title(), t.body(),
          t.tags(), "");
    } else if (e instanceof ThreadEdited t) {
      return new Revision(target, number, t.editor(), recorded.timestamp(), t.title(), t.body(),
          t.tags(), t.reason());
    } else if (e instanceof AnswerPosted a) {
      return new Revision(target, number, a.author(), recorded.timestamp(), "", a.body(),
          List.of(), "");
    } else if (e instanceof PostEdited p) {
      return new Revision(target, number, p.editor(), recorded.timestamp(), "", p.body(),
          List.of(), p.reason());
    }
    throw new IllegalStateException("event " + sequence + " is a " + e.getClass().getSimpleName()
        + ", which makes no revision");
  }
}
