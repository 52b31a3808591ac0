package io.socialearn.core.expertise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lists of the model's records (facts, answers) that are small when they are short: none is the
 * shared empty list, one or two an immutable {@code List.of} of them (one object of 24 bytes, where
 * an {@code ArrayList} takes 24 and its array 24 more, or 56 with the default capacity of ten), and
 * from three on an {@code ArrayList}, which grows in place. Most of the model's lists hold one or
 * two (a person's facts in a topic, an answer's facts, a thread's question), so they cost half or a
 * third of what array lists did. The owner keeps what {@link #plus} and {@link #minus} return in
 * place of the list it gave (a short list is replaced, a long one changed in place). Elements are
 * compared by {@code equals}, which is identity for the model's records; none is null.
 */
final class SmallLists {
  private SmallLists() {}

  /** {@code list} with {@code item} appended: {@code list} itself if it is an array list. */
  static <T> List<T> plus(List<T> list, T item) {
    if (list instanceof ArrayList<T> grown) {
      grown.add(item);
      return grown;
    }
    return switch (list.size()) {
      case 0 -> List.of(item);
      case 1 -> List.of(list.get(0), item);
      default -> {
        List<T> grown = new ArrayList<>(list.size() + 2);
        grown.addAll(list);
        grown.add(item);
        yield grown;
      }
    };
  }

  /**
   * {@code list} without the first element equal to {@code item} (unchanged if there is none):
   * back to a short list once two or fewer remain.
   */
  static <T> List<T> minus(List<T> list, T item) {
    int at = list.indexOf(item);
    if (at < 0) {
      return list;
    }
    if (list.size() > 3) {
      list.remove(at);
      return list;
    }
    return switch (list.size()) {
      case 1 -> List.of();
      case 2 -> List.of(list.get(1 - at));
      default -> at == 0 ? List.of(list.get(1), list.get(2))
          : at == 1 ? List.of(list.get(0), list.get(2)) : List.of(list.get(0), list.get(1));
    };
  }

  /** {@code items} as a short list if it has two or fewer, else as an array list of them. */
  static <T> List<T> of(T[] items) {
    return switch (items.length) {
      case 0 -> List.of();
      case 1 -> List.of(items[0]);
      case 2 -> List.of(items[0], items[1]);
      default -> new ArrayList<>(Arrays.asList(items));
    };
  }
}
