package io.socialearn.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one JSON object a subcommand prints as the last line of stdout, keys in insertion order.
 * Not thread-safe.
 */
public final class JsonSummary {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, Object> fields = new LinkedHashMap<>();

  /** Adds or replaces a figure; values are numbers, strings, booleans, maps or lists. */
  public JsonSummary put(String key, Object value) {
    fields.put(key, value);
    return this;
  }

  /** The figures so far, in order. */
  public Map<String, Object> fields() {
    return fields;
  }

  /** Prints the object as one line. */
  public void print(PrintStream out) {
    try {
      out.println(MAPPER.writeValueAsString(fields));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the summary as JSON", e);
    }
  }
}
