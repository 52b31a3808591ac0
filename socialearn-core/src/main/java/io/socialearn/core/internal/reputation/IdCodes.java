package io.socialearn.core.internal.reputation;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.core.internal.CompactIntMap;
import java.util.Arrays;

/**
 * The people and posts a ledger's facts name, as int codes, so that the facts' columns hold ints:
 * a snapshot writes and reads them as whole arrays, where it used to look up a post for each of
 * ten million facts. A thread or answer with a row in the caller's {@link ReputationLedger.Rows}
 * is coded by its row ({@link #ofRow}: below {@link #NONE}), found without a table of its own;
 * people and other posts get a dense code from 0 on first sight. Dense codes are never reused
 * while the ledger lives; a snapshot keeps only the ids some fact still names ({@link
 * ReputationLedger#writeTo}), so a reopened ledger has no codes for deleted posts. Not
 * thread-safe: guarded by the engine's lock.
 */
final class IdCodes {
  /** The code of no id. */
  static final int NONE = -1;

  private Object[] ids = new Object[16];
  private int size;
  /**
   * Each person's code: apart from the posts', so that the few thousand people every vote names
   * are found in a table that stays in the processor's cache.
   */
  private CompactIntMap<Object> personCodes = new CompactIntMap<>();
  /** The dense code of each thread and post without a row (see {@link #rowsFrom}). */
  private CompactIntMap<Object> postCodes = new CompactIntMap<>();
  /** The caller's rows: none unless {@link #rowsFrom} was given some. */
  private ReputationLedger.Rows rows = NO_ROWS;

  private static final ReputationLedger.Rows NO_ROWS = new ReputationLedger.Rows() {
    @Override
    public int codeOf(ContentRef ref) {
      return -1;
    }

    @Override
    public ContentRef byCode(int code) {
      return null;
    }
  };

  /** Codes the threads and answers with a row in {@code rows} by their row from now on. */
  void rowsFrom(ReputationLedger.Rows rows) {
    this.rows = rows;
  }

  /** The code of the thread or answer whose row has content code {@code rowCode}. */
  static int ofRow(int rowCode) {
    return -2 - rowCode;
  }

  /** Whether {@code code} names a row, and the rows have it. */
  boolean isRow(int code) {
    return code < NONE && rows.has(ofRow(code));
  }

  /** The code of {@code id}, given it now if it has none; {@link #NONE} for null. */
  int codeOf(Object id) {
    int code = existingCode(id);
    if (code == NONE && id != null) {
      code = size;
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, Math.max(16, size + (size >> 1)));
      }
      ids[size++] = id;
      codesOf(id).put(id, code);
    }
    return code;
  }

  /** The code {@code id} has, or {@link #NONE} if it has none (or is null); gives none. */
  int existingCode(Object id) {
    if (id == null) {
      return NONE;
    }
    if (id instanceof ContentRef ref) {
      int row = rows.codeOf(ref);
      if (row >= 0) {
        return ofRow(row);
      }
    }
    return codesOf(id).getInt(id, NONE);
  }

  private CompactIntMap<Object> codesOf(Object id) {
    return id instanceof PersonId ? personCodes : postCodes;
  }

  /** The id of {@code code}, null for {@link #NONE}. */
  Object id(int code) {
    return code == NONE ? null : code < NONE ? rows.byCode(ofRow(code)) : ids[code];
  }

  /** How many dense codes there are: every one is below it. */
  int size() {
    return size;
  }

  /**
   * Replaces the dense codes with {@code restored}'s ids, code {@code i} for {@code restored[i]}
   * (the array is kept, not copied).
   */
  void restore(Object[] restored) {
    clear();
    if (restored.length > 0) {
      ids = restored;
      size = restored.length;
      int persons = 0;
      for (Object id : restored) {
        persons += id instanceof PersonId ? 1 : 0;
      }
      personCodes.reserve(persons);
      postCodes.reserve(size - persons);
      for (int i = 0; i < size; i++) {
        codesOf(ids[i]).put(ids[i], i);
      }
    }
  }

  void clear() {
    ids = new Object[16];
    size = 0;
    personCodes = new CompactIntMap<>();
    postCodes = new CompactIntMap<>();
  }
}
