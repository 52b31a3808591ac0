package io.socialearn.core;

import io.socialearn.api.event.EventLog;
import io.socialearn.core.expertise.ExpertiseModel;
import io.socialearn.core.expertise.ExpertiseSettings;
import io.socialearn.core.internal.reputation.ReputationLedger;
import io.socialearn.core.log.SnapshotStore;
import io.socialearn.core.pulse.PulseLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the engine takes snapshots of its read models and how it starts from one. Without a
 * store (no data directory) it does nothing. Snapshots are streamed to their file under the
 * engine's lock and forced and renamed after it is released (and the log is durable up to them),
 * so no copy of a snapshot is held in memory. Not thread-safe: the engine calls it under its
 * write lock, except {@link #save}, which it calls after releasing the lock.
 */
final class SnapshotKeeper {
  private static final Logger log = LoggerFactory.getLogger(SnapshotKeeper.class);

  private final SnapshotStore store;
  private final long every;
  private long last;
  private long startedFrom = -1;
  /** The expertise model the snapshots hold: the engine's, set once at start-up. */
  private ExpertiseModel expertise;

  /** A keeper for {@code store} (null for none) that snapshots every {@code every} events. */
  SnapshotKeeper(SnapshotStore store, long every) {
    this.store = store;
    this.every = every;
  }

  /**
   * Loads the newest usable snapshot into {@code state} and {@code reputation}: taken with these
   * reputation rules, of this format, and not ahead of the log (a log that lost its tail, as FAST
   * durability may on power loss, is replayed whole instead). Leaves both untouched otherwise.
   *
   * @param expertiseSettings the engine's expertise settings: a snapshot's model scored with
   *     others is not used (the decoded model is null then)
   * @return what the snapshot held (its pulse ledger and expertise model with it), or null if
   *     none was loaded
   */
  StateCodec.Decoded load(EventLog eventLog, EngineState state, ReputationLedger reputation,
      ExpertiseSettings expertiseSettings) {
    if (store == null) {
      return null;
    }
    long[] sequence = new long[1];
    StateCodec.Decoded decoded = store.loadNewest(eventLog.lastSequence(), (at, in) -> {
      sequence[0] = at;
      return StateCodec.decode(in, expertiseSettings);
    }).orElse(null);
    if (decoded == null) {
      return null;
    }
    if (!reputation.takeOver(decoded.ledger())) {
      log.info("snapshot at {} was taken with other reputation rules; replaying the log",
          sequence[0]);
      return null;
    }
    state.replaceWith(decoded.state());
    last = state.lastSequence;
    startedFrom = sequence[0];
    if (decoded.expertise() == null) {
      log.info("started from the snapshot at {}; its expertise model (scored with other"
          + " settings, or of a format before 19) is refolded from the log", sequence[0]);
    } else {
      log.info("started from the snapshot at {}", sequence[0]);
    }
    return decoded;
  }

  /** Sets the expertise model the snapshots hold: the engine's, once it is known at start-up. */
  void track(ExpertiseModel model) {
    this.expertise = model;
  }

  /**
   * A snapshot written to a temporary file if enough events came since the last one, else null;
   * {@link #save} commits it once the log is durable up to it.
   */
  SnapshotStore.Prepared due(EngineState state, ReputationLedger reputation, PulseLedger pulse) {
    if (store == null || state.lastSequence - last < every) {
      return null;
    }
    return take(state, reputation, pulse);
  }

  /** A snapshot written to a temporary file if anything happened since the last one, else null. */
  SnapshotStore.Prepared pending(EngineState state, ReputationLedger reputation,
      PulseLedger pulse) {
    return store == null || state.lastSequence <= last ? null : take(state, reputation, pulse);
  }

  /**
   * Streams the snapshot into its temporary file (under the engine's lock, since it reads the
   * models); forcing and renaming it wait for {@link #save}, outside the lock.
   */
  private SnapshotStore.Prepared take(EngineState state, ReputationLedger reputation,
      PulseLedger pulse) {
    last = state.lastSequence;
    try {
      return store.prepare(state.lastSequence,
          out -> StateCodec.encode(state, reputation, pulse, expertise, out));
    } catch (RuntimeException e) {
      log.warn("cannot write the snapshot at {}; the log is intact, start-up replays more",
          state.lastSequence, e);
      return null;
    }
  }

  /**
   * Commits a snapshot {@link #due} or {@link #pending} wrote, if the log is durable up to it;
   * else deletes it. A failure is logged, since the log is intact and start-up replays more.
   */
  void save(SnapshotStore.Prepared prepared, boolean durable) {
    try (prepared) {
      if (durable) {
        prepared.commit();
      }
    } catch (RuntimeException e) {
      log.warn("cannot write a snapshot; the log is intact, start-up replays more", e);
    }
  }

  /** The sequence of the snapshot start-up loaded, or -1 if it replayed the whole log. */
  long startedFrom() {
    return startedFrom;
  }
}
