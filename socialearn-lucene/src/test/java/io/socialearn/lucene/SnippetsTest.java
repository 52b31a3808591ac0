package io.socialearn.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.Test;

/**
 * Snippets choose the earliest window holding the most distinct query terms; stopping the
 * analysis at the first window that holds them all gives the very snippet a full analysis gives,
 * and reads less of a long text; a hit's texts share one analysis budget.
 */
class SnippetsTest {
  private static final String[] WORDS = {"visa", "visas", "renewal", "renewing", "passport",
      "the", "office", "desk", "<b>", "&", "payroll", "it's", "lorem", "ipsum", "dolor",
      "x".repeat(230), "sit", "amet", "\"quoted\"", "forms", "form"};
  private static final String[] TERMS = {"visa", "renew", "passport", "offic", "payrol", "form",
      "x".repeat(230), "absent"};

  private final Analyzer english = new EnglishAnalyzer();

  @Property(tries = 300)
  void stoppingEarlyGivesTheFullAnalysisSnippet(
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    Random random = new Random(seed);
    List<String> texts = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int t = 0; t < count; t++) {
      StringBuilder text = new StringBuilder();
      int words = random.nextInt(random.nextBoolean() ? 20 : 400);
      for (int w = 0; w < words; w++) {
        text.append(WORDS[random.nextInt(WORDS.length)])
            .append(random.nextInt(5) == 0 ? ". " : " ");
      }
      texts.add(text.toString());
    }
    Set<String> terms = new LinkedHashSet<>();
    int termCount = 1 + random.nextInt(4);
    for (int t = 0; t < termCount; t++) {
      terms.add(TERMS[random.nextInt(TERMS.length)]);
    }
    assertThat(new Snippets(english, true).snippet(terms, texts))
        .isEqualTo(new Snippets(english, false).snippet(terms, texts));
  }

  @Test
  void aWindowWithEveryTermBeatsOneWordRepeated() {
    String text = "visa visa visa visa. " + "lorem ipsum ".repeat(30) + "The visa renewal form.";
    String snippet = new Snippets(english).snippet(Set.of("visa", "renew"), List.of(text));
    assertThat(snippet).contains("<mark>visa</mark> <mark>renewal</mark>")
        .doesNotContain("<mark>visa</mark> <mark>visa</mark>");
  }

  @Test
  void analysisStopsOnceAWindowHoldsEveryTerm() {
    AtomicInteger tokens = new AtomicInteger();
    Analyzer counting = counting(tokens);
    // the two terms 150 chars apart: within one window, not within half of one
    String text = "Renewing at " + "the desk ".repeat(15) + "a visa. "
        + "lorem ipsum dolor ".repeat(2_000);
    String snippet = new Snippets(counting).snippet(Set.of("visa", "renew"), List.of(text));
    assertThat(snippet).contains("<mark>Renewing</mark>").contains("<mark>visa</mark>");
    // the window's words, not the 3,000 more within the budget
    assertThat(tokens.get()).isLessThan(100);
    tokens.set(0);
    new Snippets(counting, false).snippet(Set.of("visa", "renew"), List.of(text));
    assertThat(tokens.get()).isGreaterThan(3_000);
  }

  @Test
  void aHitsTextsShareOneBudget() {
    String filler = "lorem ipsum dolor ".repeat(700);
    Snippets snippets = new Snippets(english);
    // within the budget, a reply's match is found after an unmatched body
    assertThat(snippets.snippet(Set.of("passport"), List.of(filler, "the passport office")))
        .contains("<mark>passport</mark>");
    // past it (a long body and a long reply before it), the snippet is the body's start, unmarked
    String snippet = snippets.snippet(Set.of("passport"),
        List.of(filler, filler, "the passport office"));
    assertThat(filler.length() * 2).isGreaterThan(Snippets.MAX_ANALYSED);
    assertThat(snippet).doesNotContain("<mark>").startsWith("lorem ipsum");
  }

  /** The English analyzer, counting the tokens it hands out. */
  private static Analyzer counting(AtomicInteger tokens) {
    Analyzer english = new EnglishAnalyzer();
    return new AnalyzerWrapper(english.getReuseStrategy()) {
      @Override
      protected Analyzer getWrappedAnalyzer(String field) {
        return english;
      }

      @Override
      protected TokenStreamComponents wrapComponents(String field,
          TokenStreamComponents components) {
        TokenStream counted = new TokenFilter(components.getTokenStream()) {
          @Override
          public boolean incrementToken() throws java.io.IOException {
            boolean more = input.incrementToken();
            if (more) {
              tokens.incrementAndGet();
            }
            return more;
          }
        };
        return new TokenStreamComponents(components.getSource(), counted);
      }
    };
  }
}
