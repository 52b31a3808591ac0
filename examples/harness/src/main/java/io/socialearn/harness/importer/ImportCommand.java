package io.socialearn.harness.importer;

import io.socialearn.api.search.SearchIndex;
import io.socialearn.harness.Args;
import io.socialearn.harness.JsonSummary;
import io.socialearn.harness.Subcommand;
import io.socialearn.harness.stackexchange.DumpReplay;
import io.socialearn.harness.stackexchange.ImportClock;
import io.socialearn.harness.stackexchange.ImportEngine;
import io.socialearn.harness.stackexchange.PresetIds;
import io.socialearn.harness.stackexchange.ReplayListener;
import io.socialearn.core.SocialLearningEngine;
import java.io.PrintStream;
import java.nio.file.Path;
import io.socialearn.harness.UsageException;
import io.socialearn.lucene.LuceneSearch;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * {@code import --dump DIR [--data DIR]}: replays a Stack Exchange dump into socialearn through
 * the public API and prints what it imported. Without {@code --data} the import stays in memory;
 * with it, it goes to the durable store in that directory (the file event log and snapshots,
 * and a Lucene index in {@code DIR/index}), which must not hold a store yet. Not thread-safe.
 */
public final class ImportCommand implements Subcommand {

  @Override
  public void run(Args args, PrintStream out, PrintStream err) {
    Path dump = args.directory("dump");
    String data = args.optional("data", null);
    args.done();
    ImportClock clock = new ImportClock(Instant.EPOCH);
    PresetIds ids = new PresetIds();
    long start = System.nanoTime();
    Path store = data == null ? null : Path.of(data);
    SearchIndex index = store == null ? ImportEngine.newSearchIndex()
        : LuceneSearch.at(store.resolve("index"));
    SocialLearningEngine.Builder builder = ImportEngine.builder(clock, ids, index);
    if (store != null) {
      builder.dataDirectory(store);
    }
    try (SocialLearningEngine engine = builder.build()) {
      if (engine.lastSequence() > 0) {
        throw new UsageException("--data " + store + " already holds a store of "
            + engine.lastSequence() + " events; import into an empty directory");
      }
      DumpReplay replay = new DumpReplay(dump, engine, clock, ids, ReplayListener.NONE, err);
      Map<String, Long> counts = replay.run();
      double seconds = (System.nanoTime() - start) / 1e9;
      long events = engine.lastSequence();
      err.printf(Locale.ROOT, "imported %d events from %d commands in %.1fs: %.0f events/s%n",
          events, replay.commandsExecuted(), seconds, events / seconds);
      JsonSummary summary = new JsonSummary()
          .put("dump", dump.toString())
          .put("store", store == null ? "memory" : store.toString())
          .put("index", index.name())
          .put("events", events)
          .put("commands", replay.commandsExecuted())
          .put("seconds", Math.round(seconds * 1000) / 1000.0)
          .put("eventsPerSecond", Math.round(events / seconds))
          .put("counts", counts);
      summary.print(out);
    }
  }
}
