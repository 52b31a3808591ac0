package io.socialearn.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.search.Facet;
import io.socialearn.api.search.FacetValue;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.search.SearchSort;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.search.TagSuggestion;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * No reader ever sees, counts or facets a thread from a space they cannot read, through any
 * read: search (every order and page), facets, similar questions, tag suggestion and completion.
 */
class AccessProperties {
  private static final List<String> SPACES = List.of("hr", "eng", "sales", "secret");
  private static final List<String> WORDS = List.of("payroll", "invoice", "deadline", "laptop",
      "badge", "travel");

  record Post(String space, String word, String tag) {}

  @Provide
  Arbitrary<List<Post>> posts() {
    return Combinators.combine(Arbitraries.of(SPACES), Arbitraries.of(WORDS),
        Arbitraries.of("alpha", "beta", "gamma", "delta")).as(Post::new).list().ofMaxSize(40);
  }

  @Provide
  Arbitrary<Set<String>> readable() {
    return Arbitraries.of(SPACES).set().ofMaxSize(3);
  }

  @Property(tries = 60)
  void nothingFromAnUnreadableSpaceLeaks(@ForAll("posts") List<Post> posts,
      @ForAll("readable") Set<String> readable, @ForAll("word") String word,
      @ForAll SearchSort sort) {
    Set<SpaceId> spaces = readable.stream().map(SpaceId::of).collect(Collectors.toSet());
    Map<String, String> spaceOf = new HashMap<>();
    List<DomainEvent> events = new ArrayList<>();
    for (int i = 0; i < posts.size(); i++) {
      Post post = posts.get(i);
      String id = "t" + i;
      spaceOf.put(id, post.space());
      String tag = post.space() + "-" + post.tag();
      events.add(Events.question(id, post.space(), "ana", post.word() + " question " + i,
          post.word() + " body", tag));
      if (i % 3 == 0) {
        events.add(Events.upVote(id, "v" + i));
      }
    }
    long visible = posts.stream()
        .filter(p -> readable.contains(p.space()) && p.word().equals(word)).count();
    try (LuceneSearchIndex index = LuceneSearch.inMemory()) {
      if (!events.isEmpty()) {
        index.apply(new Events().record(events.toArray(DomainEvent[]::new)));
      }
      SearchQuery query = new SearchQuery(word, sort, 7, null);
      SearchResults page = index.search(query, spaces);
      assertThat(page.totalHits()).isEqualTo(visible);
      List<SearchHit> all = new ArrayList<>(page.hits());
      assertFacetsReadable(page, readable);
      while (page.nextCursor() != null) {
        page = index.search(query.after(page.nextCursor()), spaces);
        all.addAll(page.hits());
        assertThat(page.totalHits()).isEqualTo(visible);
        assertFacetsReadable(page, readable);
      }
      assertThat(all).hasSize((int) visible);
      assertThat(all).allSatisfy(hit -> {
        assertThat(readable).contains(spaceOf.get(hit.thread().value()));
        assertThat(spaces).contains(hit.space());
      });
      assertThat(index.similarQuestions(SimilarQuery.of(word + " question", word, List.of(), 50),
          spaces)).allSatisfy(hit -> assertThat(readable)
              .contains(spaceOf.get(hit.thread().value())));
      assertThat(index.suggestTags(word + " body", 50, spaces)).extracting(TagSuggestion::tag)
          .allSatisfy(tag -> assertThat(readable).contains(spaceOfTag(tag)));
      assertThat(index.completeTags("", 100, spaces))
          .allSatisfy(tag -> assertThat(readable).contains(spaceOfTag(tag)));
    }
  }

  @Provide
  Arbitrary<String> word() {
    return Arbitraries.of(WORDS);
  }

  private static String spaceOfTag(Tag tag) {
    return tag.value().substring(0, tag.value().indexOf('-'));
  }

  private static void assertFacetsReadable(SearchResults results, Set<String> readable) {
    Facet spaces = results.facet("space").orElseThrow();
    assertThat(spaces.values()).extracting(FacetValue::value)
        .allSatisfy(space -> assertThat(readable).contains(space));
    assertThat(spaces.values().stream().mapToLong(FacetValue::count).sum())
        .isEqualTo(results.totalHits());
    assertThat(results.facet("tag").orElseThrow().values()).extracting(FacetValue::value)
        .allSatisfy(tag -> assertThat(readable).contains(tag.substring(0, tag.indexOf('-'))));
  }
}
