package io.socialearn.harness.eval;

import io.socialearn.harness.UsageException;
import io.socialearn.harness.stackexchange.XmlRows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The original questions of a SemEval-2016 Task 3 subtask B file, each with its related questions
 * and their comments, read with StAX. Immutable once read.
 */
final class SemevalData {
  /** A related question's comment. */
  record Comment(String id, String date, String userId, String userName, String text) {}

  /** A related question, as the organisers' search engine returned it for one original. */
  record Related(String id, int rankingOrder, String date, String userId, String userName,
      String relevance, String subject, String body, List<Comment> comments) {
    /** Whether the official scorer counts it as relevant. */
    boolean relevant() {
      return relevance.equals("PerfectMatch") || relevance.equals("Relevant");
    }
  }

  /** An original question with its related questions in file order. */
  record Original(String id, String subject, String body, List<Related> related) {}

  private SemevalData() {}

  /**
   * Reads the file; an original repeated once per related thread (as the files do) is merged.
   *
   * @throws UsageException naming the file if it is missing, malformed or lacks an attribute
   */
  static List<Original> read(Path file) {
    Map<String, Original> originals = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader xml = xmlReader(file, in);
      Original current = null;
      Related related = null;
      String relatedSubject = "";
      String relatedBody = "";
      Map<String, String> relatedAttributes = null;
      Map<String, String> commentAttributes = null;
      List<Comment> comments = new ArrayList<>();
      String orgSubject = "";
      String orgBody = "";
      String orgId = null;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          switch (xml.getLocalName()) {
            case "OrgQuestion" -> {
              orgId = attribute(file, xml, "ORGQ_ID");
              orgSubject = "";
              orgBody = "";
            }
            case "OrgQSubject" -> orgSubject = xml.getElementText();
            case "OrgQBody" -> orgBody = xml.getElementText();
            case "Thread" -> comments = new ArrayList<>();
            case "RelQuestion" -> relatedAttributes = attributes(file, xml, "RELQ_ID",
                "RELQ_RANKING_ORDER", "RELQ_DATE", "RELQ_USERID", "RELQ_USERNAME",
                "RELQ_RELEVANCE2ORGQ");
            case "RelQSubject" -> relatedSubject = xml.getElementText();
            case "RelQBody" -> relatedBody = xml.getElementText();
            case "RelComment" -> commentAttributes = attributes(file, xml, "RELC_ID",
                "RELC_DATE", "RELC_USERID", "RELC_USERNAME");
            case "RelCText" -> comments.add(new Comment(commentAttributes.get("RELC_ID"),
                commentAttributes.get("RELC_DATE"), commentAttributes.get("RELC_USERID"),
                commentAttributes.get("RELC_USERNAME"), xml.getElementText()));
            default -> {
              // the root and anything else carry nothing the evaluation uses
            }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT
            && xml.getLocalName().equals("Thread")) {
          if (orgId == null || relatedAttributes == null) {
            throw new UsageException(file + ": a Thread outside an OrgQuestion or without a"
                + " RelQuestion");
          }
          related = new Related(relatedAttributes.get("RELQ_ID"),
              rankingOrder(file, relatedAttributes.get("RELQ_RANKING_ORDER")),
              relatedAttributes.get("RELQ_DATE"), relatedAttributes.get("RELQ_USERID"),
              relatedAttributes.get("RELQ_USERNAME"),
              relatedAttributes.get("RELQ_RELEVANCE2ORGQ"), relatedSubject, relatedBody,
              List.copyOf(comments));
          String subject = orgSubject;
          String body = orgBody;
          current = originals.computeIfAbsent(orgId,
              id -> new Original(id, subject, body, new ArrayList<>()));
          current.related().add(related);
          relatedAttributes = null;
          relatedSubject = "";
          relatedBody = "";
        }
      }
      xml.close();
    } catch (NoSuchFileException e) {
      throw new UsageException(file + ": no such file");
    } catch (IOException e) {
      throw new UsageException(file + ": cannot read: " + e.getMessage(), e);
    } catch (XMLStreamException e) {
      throw XmlRows.malformed(file, e);
    }
    if (originals.isEmpty()) {
      throw new UsageException(file + ": holds no OrgQuestion");
    }
    return originals.values().stream()
        .map(o -> new Original(o.id(), o.subject(), o.body(), List.copyOf(o.related())))
        .toList();
  }

  private static XMLStreamReader xmlReader(Path file, InputStream in)
      throws XMLStreamException {
    return XmlRows.newFactory().createXMLStreamReader(in);
  }

  private static String attribute(Path file, XMLStreamReader xml, String name) {
    String value = xml.getAttributeValue(null, name);
    if (value == null) {
      throw new UsageException(file + ": line " + xml.getLocation().getLineNumber() + ": "
          + xml.getLocalName() + " lacks " + name);
    }
    return value;
  }

  private static Map<String, String> attributes(Path file, XMLStreamReader xml,
      String... names) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : names) {
      values.put(name, attribute(file, xml, name));
    }
    return values;
  }

  private static int rankingOrder(Path file, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new UsageException(file + ": RELQ_RANKING_ORDER is not a whole number: '" + value
          + "'");
    }
  }
}
