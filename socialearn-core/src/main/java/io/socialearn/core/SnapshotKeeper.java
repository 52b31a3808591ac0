package io.socialearn.core;

import io.socialearn.api.event.EventLog;
import io.socialearn.core.expertise.ExpertiseModel;
import io.socialearn.core.expertise.ExpertiseSettings;
import io.socialearn.core.log.SnapshotStore;
import io.socialearn.core.pulse.PulseLedger;
import io.socialearn.core.reputation.ReputationLedger;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the engine takes snapshots of its read models and how it starts from one. Without a
 * store (no data directory) it does nothing. Not thread-safe: the engine calls it under its write
 * lock, except {@link #save}, which it calls after releasing the lock.
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
    StateCodec.Decoded[] loaded = new StateCodec.Decoded[1];
    store.loadNewest().ifPresent(snapshot -> {
      if (snapshot.sequence() > eventLog.lastSequence()) {
        log.warn("snapshot at {} is ahead of the log at {}; replaying the whole log",
            snapshot.sequence(), eventLog.lastSequence());
        return;
      }
      try {
        StateCodec.Decoded decoded = StateCodec.decode(snapshot.data(), expertiseSettings);
        if (!reputation.restore(decoded.ledger())) {
          log.info("snapshot at {} was taken with other reputation rules; replaying the log",
              snapshot.sequence());
          return;
        }
        state.replaceWith(decoded.state());
        loaded[0] = decoded;
        last = state.lastSequence;
        startedFrom = snapshot.sequence();
        if (decoded.expertise() == null) {
          log.info("started from the snapshot at {}; its expertise model was scored with other"
              + " settings and is refolded from the log", snapshot.sequence());
        } else {
          log.info("started from the snapshot at {}", snapshot.sequence());
        }
      } catch (IOException e) {
        log.warn("snapshot at {} is unreadable ({}); replaying the whole log",
            snapshot.sequence(), e.getMessage());
      }
    });
    return loaded[0];
  }

  /** Sets the expertise model the snapshots hold: the engine's, once it is known at start-up. */
  void track(ExpertiseModel model) {
    this.expertise = model;
  }

  /** The snapshot's bytes if enough events came since the last one, else null. */
  byte[] due(EngineState state, ReputationLedger reputation, PulseLedger pulse) {
    if (store == null || state.lastSequence - last < every) {
      return null;
    }
    return take(state, reputation, pulse);
  }

  /** The snapshot's bytes if anything happened since the last one (on close), else null. */
  byte[] pending(EngineState state, ReputationLedger reputation, PulseLedger pulse) {
    return store == null || state.lastSequence <= last ? null : take(state, reputation, pulse);
  }

  private byte[] take(EngineState state, ReputationLedger reputation, PulseLedger pulse) {
    last = state.lastSequence;
    return StateCodec.encode(state, reputation, pulse, expertise);
  }

  /** Writes a snapshot; a failure is logged, since the log is intact and start-up replays more. */
  void save(long sequence, byte[] bytes) {
    try {
      store.save(sequence, bytes);
    } catch (RuntimeException e) {
      log.warn("cannot write the snapshot at {}; the log is intact, start-up replays more", sequence,
          e);
    }
  }

  /** The sequence of the snapshot start-up loaded, or -1 if it replayed the whole log. */
  long startedFrom() {
    return startedFrom;
  }
}
