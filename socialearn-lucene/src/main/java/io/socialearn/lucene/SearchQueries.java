package io.socialearn.lucene;

import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.ThreadState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a parsed {@link UserQuery} into a Lucene query. Words are analysed like the text and
 * searched in the title, tags, body and replies (weighted in that order, the best field counting
 * most); by default every word must match somewhere. The number of clauses is bounded by the
 * parser's limits: at most {@value UserQueryParser#MAX_WORDS} terms times four fields plus
 * {@value UserQueryParser#MAX_OPERATORS} operators. Thread-safe.
 */
final class SearchQueries {
  static final float TITLE_BOOST = 3f;
  static final float TAG_BOOST = 2f;
  static final float BODY_BOOST = 1f;
  static final float REPLIES_BOOST = 0.5f;
  private static final float TIE_BREAKER = 0.3f;

  private final Analyzer analyzer;
  private final LiveValues votes;
  private final QueryBuilder phrases;

  SearchQueries(Analyzer analyzer, LiveValues votes) {
    this.analyzer = analyzer;
    this.votes = votes;
    this.phrases = new QueryBuilder(analyzer);
  }

  /**
   * The Lucene form of a query.
   *
   * @param query the query, or null if it matches nothing (only words the analyzer drops)
   * @param terms the analysed positive words and phrase words, for highlighting
   * @param scoringTerms how many analysed positive words the query holds
   * @param phrases how many phrases the query holds (each reads positions, which costs more)
   */
  record Built(Query query, Set<String> terms, int scoringTerms, int phrases) {}

  /**
   * Builds the query; {@code requireAll} makes every word required, else any one suffices.
   * {@code states}, if not null, gives each word's term states in the reader to be searched, so
   * the query need not look them up again.
   */
  Built build(UserQuery parsed, boolean requireAll, Function<Term, TermStates> states) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    Set<String> positiveTerms = new LinkedHashSet<>();
    List<String> words = new ArrayList<>();
    List<String> excludedWords = new ArrayList<>();
    boolean positive = false;
    boolean any = false;
    int phrases = 0;
    for (UserQuery.Clause clause : parsed.clauses()) {
      if (clause instanceof UserQuery.Word word) {
        (word.negated() ? excludedWords : words).add(word.text());
        continue;
      }
      Query query = clauseQuery(clause, positiveTerms);
      if (query == null) {
        continue;
      }
      any = true;
      boolean scoring = clause instanceof UserQuery.Phrase;
      if (scoring) {
        phrases++;
      }
      Occur occur = clause.negated() ? Occur.MUST_NOT : scoring ? Occur.MUST : Occur.FILTER;
      builder.add(query, occur);
      positive |= !clause.negated();
    }
    List<String> terms = analyse(String.join(" ", words), UserQueryParser.MAX_WORDS);
    for (String term : terms) {
      builder.add(anyField(term, states), requireAll ? Occur.MUST : Occur.SHOULD);
      positiveTerms.add(term);
    }
    if (!terms.isEmpty()) {
      positive = true;
      any = true;
      if (!requireAll) {
        builder.setMinimumNumberShouldMatch(1);
      }
    }
    for (String word : excludedWords) {
      Query excluded = excludedWord(word);
      if (excluded != null) {
        builder.add(excluded, Occur.MUST_NOT);
        any = true;
      }
    }
    if (!any) {
      return new Built(null, Set.of(), 0, 0);
    }
    if (!positive) {
      builder.add(new MatchAllDocsQuery(), Occur.FILTER);
    }
    return new Built(builder.build(), positiveTerms, terms.size(), phrases);
  }

  /**
   * What an excluded word matches: in whichever field, the word as typed, so a word the analyzer
   * splits into several terms ({@code -follow-up}) excludes the threads holding them in order,
   * not every thread holding any one of them; null if the analyzer drops the whole word. The
   * parser keeps at most {@value UserQueryParser#MAX_WORDS} words, so this adds at most four
   * clauses for each.
   */
  private Query excludedWord(String word) {
    List<Query> perField = new ArrayList<>();
    for (String field : List.of(Fields.TITLE, Fields.TAG_TEXT, Fields.BODY, Fields.REPLIES)) {
      Query query = phrases.createPhraseQuery(field, word);
      if (query != null) {
        perField.add(query);
      }
    }
    return perField.isEmpty() ? null : new DisjunctionMaxQuery(perField, 0f);
  }

  private Query clauseQuery(UserQuery.Clause clause, Set<String> positiveTerms) {
    if (clause instanceof UserQuery.Phrase phrase) {
      List<Query> perField = new ArrayList<>();
      addPhrase(perField, Fields.TITLE, phrase.text(), TITLE_BOOST);
      addPhrase(perField, Fields.BODY, phrase.text(), BODY_BOOST);
      addPhrase(perField, Fields.REPLIES, phrase.text(), REPLIES_BOOST);
      if (perField.isEmpty()) {
        return null;
      }
      if (!phrase.negated()) {
        positiveTerms.addAll(analyse(phrase.text(), Integer.MAX_VALUE));
      }
      return new DisjunctionMaxQuery(perField, TIE_BREAKER);
    } else if (clause instanceof UserQuery.Term term) {
      return new TermQuery(new Term(term.field(), term.value()));
    } else if (clause instanceof UserQuery.Is is) {
      return switch (is.flag()) {
        case QUESTION -> kind(ThreadKind.QUESTION);
        case DISCUSSION -> kind(ThreadKind.DISCUSSION);
        case ARTICLE -> kind(ThreadKind.ARTICLE);
        case ANSWERED -> new TermQuery(new Term(Fields.FLAG, Fields.FLAG_ANSWERED));
        case UNANSWERED -> new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
            .add(new TermQuery(new Term(Fields.FLAG, Fields.FLAG_ANSWERED)), Occur.MUST_NOT)
            .build();
        case ACCEPTED -> new TermQuery(new Term(Fields.FLAG, Fields.FLAG_ACCEPTED));
        case OPEN -> states(List.of(ThreadState.OPEN, ThreadState.ANSWERED));
        case CLOSED -> states(List.of(ThreadState.CLOSED, ThreadState.DUPLICATE));
        case DUPLICATE -> states(List.of(ThreadState.DUPLICATE));
      };
    } else if (clause instanceof UserQuery.Score score) {
      return new LiveRangeQuery(votes, score.min(), score.max());
    } else if (clause instanceof UserQuery.Created created) {
      return LongPoint.newRangeQuery(Fields.CREATED, created.fromMillis(), created.toMillis());
    }
    throw new IllegalStateException("unexpected clause " + clause);
  }

  private void addPhrase(List<Query> perField, String field, String text, float boost) {
    Query query = phrases.createPhraseQuery(field, text);
    if (query != null) {
      perField.add(new BoostQuery(query, boost));
    }
  }

  /**
   * A term in whichever field matches it best. Wrapped so that a one-word search skips the
   * blocks of threads that cannot reach the page, and a search of several words skips by
   * windows that fit the four fields ({@link BlockSkippingQuery}); the hits and scores are the
   * disjunction-max query's.
   */
  static Query anyField(String term) {
    return anyField(term, null);
  }

  /** As {@link #anyField(String)}, each field's term with its states if {@code states} has them. */
  static Query anyField(String term, Function<Term, TermStates> states) {
    return new BlockSkippingQuery(new DisjunctionMaxQuery(List.of(
        new BoostQuery(termQuery(new Term(Fields.TITLE, term), states), TITLE_BOOST),
        new BoostQuery(termQuery(new Term(Fields.TAG_TEXT, term), states), TAG_BOOST),
        new BoostQuery(termQuery(new Term(Fields.BODY, term), states), BODY_BOOST),
        new BoostQuery(termQuery(new Term(Fields.REPLIES, term), states), REPLIES_BOOST)),
        TIE_BREAKER));
  }

  private static Query termQuery(Term term, Function<Term, TermStates> states) {
    return states == null ? new TermQuery(term) : new TermQuery(term, states.apply(term));
  }

  private static Query kind(ThreadKind kind) {
    return new TermQuery(new Term(Fields.KIND, kind.name()));
  }

  private static Query states(List<ThreadState> states) {
    return new TermInSetQuery(Fields.STATE,
        states.stream().map(s -> new BytesRef(s.name())).toList());
  }

  /**
   * The filter on the spaces a viewer may read: the runs of documents the index sort gives each
   * space ({@link SpaceRangesQuery}).
   */
  static SpaceRangesQuery spaces(Collection<SpaceId> readable) {
    return new SpaceRangesQuery(Fields.SPACE,
        readable.stream().map(s -> new BytesRef(s.value())).toList());
  }

  /**
   * {@code query} restricted to {@code filter}. A boolean query with a required clause gets the
   * filter as one more clause, so Lucene sees one flat conjunction rather than a conjunction
   * nested in another. A boolean query of optional clauses only (the any-word fallback, a
   * draft's words) stays whole as the one scoring clause beside the filter: flattened, its
   * clauses would be a disjunction inside a conjunction, which Lucene scores exhaustively
   * (every matching thread the viewer may read), while as the top-level scoring clause it gets
   * dynamic pruning (WAND) and skips the threads that cannot reach the page. Scores and hits are
   * the same either way.
   */
  static Query filtered(Query query, Query filter) {
    if (query instanceof BooleanQuery bool) {
      boolean required = false;
      for (BooleanClause clause : bool.clauses()) {
        required |= clause.isRequired();
      }
      if (!required) {
        // with no required clause, one optional clause must match, whatever the minimum
        return new BooleanQuery.Builder().add(bool, Occur.MUST).add(filter, Occur.FILTER).build();
      }
      BooleanQuery.Builder flat = new BooleanQuery.Builder()
          .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
      for (BooleanClause clause : bool.clauses()) {
        flat.add(clause);
      }
      return flat.add(filter, Occur.FILTER).build();
    }
    return new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
  }

  /** The distinct terms the analyzer makes of {@code text}, at most {@code max}, in order. */
  List<String> analyse(String text, int max) {
    Set<String> terms = new LinkedHashSet<>();
    if (text.isBlank()) {
      return List.of();
    }
    try (TokenStream stream = analyzer.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken() && terms.size() < max) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(terms);
  }
}
