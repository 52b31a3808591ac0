package io.socialearn.harness.stackexchange;

import io.socialearn.harness.UsageException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * What the importer must know of every post before it replays any: type, parent, creation time,
 * owner and accepted answer, in primitive arrays (about 30 bytes a post, no text). Read in one
 * streaming pass over Posts.xml. Immutable after {@link #read}; thread-safe.
 */
public final class PostIndex {
  /** The owner of a post with no {@code OwnerUserId}. */
  public static final int NO_USER = Integer.MIN_VALUE;

  private int size;
  private int[] ids = new int[1024];
  private byte[] types = new byte[1024];
  private int[] parents = new int[1024];
  private long[] created = new long[1024];
  private int[] owners = new int[1024];
  private int[] accepted = new int[1024];

  private PostIndex() {}

  /**
   * Reads the index from a Posts.xml file.
   *
   * @throws UsageException if the file is missing or malformed, or a row lacks its id or date
   */
  public static PostIndex read(Path postsXml) {
    PostIndex index = new PostIndex();
    try (XmlRows rows = XmlRows.open(postsXml)) {
      while (rows.hasNext()) {
        Map<String, String> row = rows.next();
        index.add(Rows.integer(rows, row, "Id"), Rows.optionalInt(rows, row, "PostTypeId", 0),
            Rows.optionalInt(rows, row, "ParentId", 0), Rows.date(rows, row, "CreationDate"),
            Rows.optionalInt(rows, row, "OwnerUserId", NO_USER),
            Rows.optionalInt(rows, row, "AcceptedAnswerId", 0));
      }
    }
    index.sortIfNeeded();
    return index;
  }

  private void add(int id, int type, int parent, long createdMillis, int owner, int acceptedId) {
    if (size == ids.length) {
      int grown = size * 2;
      ids = Arrays.copyOf(ids, grown);
      types = Arrays.copyOf(types, grown);
      parents = Arrays.copyOf(parents, grown);
      created = Arrays.copyOf(created, grown);
      owners = Arrays.copyOf(owners, grown);
      accepted = Arrays.copyOf(accepted, grown);
    }
    ids[size] = id;
    types[size] = (byte) type;
    parents[size] = parent;
    created[size] = createdMillis;
    owners[size] = owner;
    accepted[size] = acceptedId;
    size++;
  }

  /** Dumps list posts by id; should one not, sort all columns by id. */
  private void sortIfNeeded() {
    boolean sorted = true;
    for (int i = 1; i < size && sorted; i++) {
      sorted = ids[i - 1] < ids[i];
    }
    if (sorted) {
      return;
    }
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(ids[a], ids[b]));
    int[] newIds = new int[size];
    byte[] newTypes = new byte[size];
    int[] newParents = new int[size];
    long[] newCreated = new long[size];
    int[] newOwners = new int[size];
    int[] newAccepted = new int[size];
    for (int i = 0; i < size; i++) {
      int from = order[i];
      newIds[i] = ids[from];
      newTypes[i] = types[from];
      newParents[i] = parents[from];
      newCreated[i] = created[from];
      newOwners[i] = owners[from];
      newAccepted[i] = accepted[from];
    }
    ids = newIds;
    types = newTypes;
    parents = newParents;
    created = newCreated;
    owners = newOwners;
    accepted = newAccepted;
  }

  /** How many posts the dump holds. */
  public int size() {
    return size;
  }

  /** The position of post {@code id}, or -1 if the dump lacks it. */
  public int find(int id) {
    int at = Arrays.binarySearch(ids, 0, size, id);
    return at < 0 ? -1 : at;
  }

  /** Whether the dump holds post {@code id} with the given {@code PostTypeId}. */
  public boolean isOfType(int id, int type) {
    int at = find(id);
    return at >= 0 && types[at] == type;
  }

  /** Whether the dump holds question {@code id}. */
  public boolean isQuestion(int id) {
    return isOfType(id, 1);
  }

  /** The post id at a position. */
  public int idAt(int position) {
    return ids[position];
  }

  /** The {@code PostTypeId} at a position. */
  public int typeAt(int position) {
    return types[position];
  }

  /** The {@code ParentId} at a position, 0 if none. */
  public int parentAt(int position) {
    return parents[position];
  }

  /** The creation time at a position, in epoch milliseconds. */
  public long createdAt(int position) {
    return created[position];
  }

  /** The owner at a position, or {@link #NO_USER}. */
  public int ownerAt(int position) {
    return owners[position];
  }

  /** The {@code AcceptedAnswerId} at a position, 0 if none. */
  public int acceptedAt(int position) {
    return accepted[position];
  }

  /** The creation time of post {@code id} in epoch milliseconds, or {@link Long#MIN_VALUE}. */
  public long created(int id) {
    int at = find(id);
    return at < 0 ? Long.MIN_VALUE : created[at];
  }
}
