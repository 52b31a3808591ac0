package io.socialearn.harness.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The plain baseline: Lucene's BM25 (its defaults, {@code k1 = 1.2}, {@code b = 0.75}) over one
 * text field holding a question's title and body, analysed by {@link StandardAnalyzer}, in memory.
 * A query is the analysed query text, each term a SHOULD clause weighted by how often it occurs
 * (the same score as repeating the clause). No tricks. Not thread-safe.
 */
final class LuceneBm25 implements AutoCloseable {
  /** How summaries name this baseline. */
  static final String NAME = "lucene-bm25 (StandardAnalyzer, title+body in one field)";

  private static final String ID = "id";
  private static final String TEXT = "text";

  private final Analyzer analyzer = new StandardAnalyzer();
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final IndexWriter writer;
  private DirectoryReader reader;

  LuceneBm25() {
    try {
      writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds a document. */
  void add(String id, String text) {
    Document doc = new Document();
    doc.add(new StringField(ID, id, Field.Store.YES));
    doc.add(new TextField(TEXT, text, Field.Store.NO));
    try {
      writer.addDocument(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The documents that {@code accept} lets through, most like {@code text} first (ties in the order added),
   * at most {@code limit}; documents that share no term with the text are not returned.
   */
  List<Ranked> search(String text, int limit, Predicate<String> accept) {
    Query query = query(text);
    if (query == null) {
      return List.of();
    }
    try {
      refresh();
      IndexSearcher searcher = new IndexSearcher(reader);
      ScoreDoc[] hits = searcher.search(query, Math.max(1, reader.maxDoc())).scoreDocs;
      StoredFields stored = searcher.storedFields();
      List<Ranked> out = new ArrayList<>();
      for (ScoreDoc hit : hits) {
        String id = stored.document(hit.doc).get(ID);
        if (accept.test(id)) {
          out.add(new Ranked(id, hit.score));
          if (out.size() == limit) {
            break;
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Query query(String text) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (TokenStream tokens = analyzer.tokenStream(TEXT, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        counts.merge(term.toString(), 1, Integer::sum);
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (counts.isEmpty()) {
      return null;
    }
    IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), counts.size()));
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    counts.forEach((term, count) -> {
      Query clause = new TermQuery(new Term(TEXT, term));
      query.add(count == 1 ? clause : new BoostQuery(clause, count), BooleanClause.Occur.SHOULD);
    });
    return query.build();
  }

  private void refresh() throws IOException {
    if (reader == null) {
      reader = DirectoryReader.open(writer);
    } else {
      DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
      if (newer != null) {
        reader.close();
        reader = newer;
      }
    }
  }

  @Override
  public void close() {
    try {
      if (reader != null) {
        reader.close();
      }
      writer.close();
      directory.close();
      analyzer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
