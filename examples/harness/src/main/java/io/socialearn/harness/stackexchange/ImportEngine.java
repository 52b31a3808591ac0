package io.socialearn.harness.stackexchange;

import io.socialearn.api.search.SearchIndex;
import io.socialearn.core.AntiGamingPolicy;
import io.socialearn.core.ContentLimits;
import io.socialearn.core.SocialLearningEngine;
import io.socialearn.core.WriteRateLimit;
import io.socialearn.core.reputation.TrustPolicy;
import io.socialearn.harness.UsageException;
import io.socialearn.harness.eval.MiniLm;
import io.socialearn.lucene.LuceneSearch;
import java.util.List;
import java.util.function.Supplier;

/**
 * How the harness builds the engine it imports into: generous content limits (a real site has
 * four-letter titles and long bodies; an import keeps them rather than dropping posts), no write
 * rate limit, no trust gating or serial-vote detection (the site applied its own when the history
 * happened), the import's clock and ids, and a pluggable search index. Stateless.
 */
public final class ImportEngine {
  /**
   * The search index every import and evaluation uses. The one place to plug in another index
   * (for example socialearn-lucene's) for all of them.
   */
  public static final Supplier<SearchIndex> SEARCH_INDEX = LuceneSearch::inMemory;

  /** Limits wide enough for any public question-and-answer dump: titles from 1 character, bodies up to 1 MB. */
  public static final ContentLimits LIMITS = new ContentLimits(1, 1_000, 1_000_000, 100_000, 20,
      100, 2_000);

  private ImportEngine() {}

  /** A new search index of the kind every import and evaluation uses. */
  public static SearchIndex newSearchIndex() {
    return SEARCH_INDEX.get();
  }

  /** The values of the evaluations' {@code --meaning} option. */
  public static final List<String> MEANINGS = List.of("none", "minilm");

  /**
   * A new search index in memory that matches similar questions by words alone ({@code none}),
   * or by words and the meaning {@link MiniLm} gives them ({@code minilm}).
   *
   * @throws UsageException for another value
   */
  public static SearchIndex newSearchIndex(String meaning) {
    return switch (meaning) {
      case "none" -> newSearchIndex();
      case "minilm" -> LuceneSearch.builder().embedder(MiniLm.get()).build();
      default -> throw new UsageException("--meaning takes " + String.join(" or ", MEANINGS)
          + ", not '" + meaning + "'");
    };
  }

  /**
   * A builder with the import's settings and {@code index} (the engine closes it); add an event
   * log or listeners before building.
   */
  public static SocialLearningEngine.Builder builder(ImportClock clock, PresetIds ids,
      SearchIndex index) {
    return SocialLearningEngine.builder().clock(clock).idGenerator(ids).contentLimits(LIMITS)
        .writeRateLimit(WriteRateLimit.unlimited()).searchIndex(index)
        // The site's own privileges and serial-vote detection already ran when it happened.
        .trustPolicy(TrustPolicy.rolesOnly()).antiGaming(AntiGamingPolicy.off());
  }
}
