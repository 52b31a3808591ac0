package io.socialearn.api.expertise;

import io.socialearn.api.Validate;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

/**
 * The signals of an {@link ExpertCandidate}: an immutable map iterated in {@link
 * ExpertiseMix#SIGNALS} order, then any other names alphabetically, held as two arrays (a
 * candidate with exactly the mix's signals shares one array of names), so that "who knows"
 * answers of 200 candidates and a learner's thousands of examples cost little memory.
 */
final class SignalMap extends AbstractMap<String, Double> {
  /** The mix's signal names, shared by every map that holds exactly them. */
  private static final String[] CANONICAL = ExpertiseMix.SIGNALS.toArray(new String[0]);
  private static final Map<String, Integer> CANONICAL_INDEX = new HashMap<>();

  static {
    // copyOf marks the mix's signals it has seen in the bits of an int
    if (CANONICAL.length > 31) {
      throw new IllegalStateException("more signals than copyOf's mask holds");
    }
    for (int i = 0; i < CANONICAL.length; i++) {
      CANONICAL_INDEX.put(CANONICAL[i], i);
    }
  }

  private final String[] names;
  private final double[] values;

  private SignalMap(String[] names, double[] values) {
    this.names = names;
    this.values = values;
  }

  /**
   * An ordered copy of {@code given}.
   *
   * @throws io.socialearn.api.InvalidInputException if a name or a value is null
   */
  static SignalMap copyOf(Map<String, Double> given) {
    if (given instanceof SignalMap same) {
      return same;
    }
    double[] values = new double[CANONICAL.length];
    int canonical = 0;
    Map<String, Double> others = null;
    for (Map.Entry<String, Double> e : given.entrySet()) {
      String name = Validate.required("signals key", e.getKey());
      Double boxed = e.getValue();
      if (boxed == null) {
        // The field's name is only built for the error: a who-knows answer copies thousands.
        Validate.required("signals[" + name + "]", boxed);
      }
      double value = boxed;
      Integer at = CANONICAL_INDEX.get(name);
      if (at != null) {
        values[at] = value;
        canonical |= 1 << at;
      } else {
        if (others == null) {
          others = new TreeMap<>();
        }
        others.put(name, value);
      }
    }
    int all = (1 << CANONICAL.length) - 1;
    if (canonical == all && others == null) {
      return new SignalMap(CANONICAL, values);
    }
    String[] names = new String[given.size()];
    double[] ordered = new double[given.size()];
    int n = 0;
    for (int i = 0; i < CANONICAL.length; i++) {
      if ((canonical & (1 << i)) != 0) {
        names[n] = CANONICAL[i];
        ordered[n++] = values[i];
      }
    }
    if (others != null) {
      for (Map.Entry<String, Double> e : others.entrySet()) {
        names[n] = e.getKey();
        ordered[n++] = e.getValue();
      }
    }
    return new SignalMap(names, ordered);
  }

  private int indexOf(Object key) {
    if (names == CANONICAL) {
      Integer at = CANONICAL_INDEX.get(key);
      return at == null ? -1 : at;
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Double get(Object key) {
    int at = indexOf(key);
    return at < 0 ? null : values[at];
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public Set<Map.Entry<String, Double>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, Double>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < names.length;
          }

          @Override
          public Map.Entry<String, Double> next() {
            if (next >= names.length) {
              throw new NoSuchElementException();
            }
            int at = next++;
            return Map.entry(names[at], values[at]);
          }
        };
      }

      @Override
      public int size() {
        return names.length;
      }
    };
  }
}
