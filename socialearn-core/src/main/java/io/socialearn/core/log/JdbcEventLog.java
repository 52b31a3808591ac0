package io.socialearn.core.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.socialearn.api.ConflictException;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Validate;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.EventLog;
import io.socialearn.api.event.EventLogException;
import io.socialearn.api.event.RecordedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;

/**
 * An {@link EventLog} in one SQL table, for hosts that already run a database or run several
 * application nodes on one log: written for PostgreSQL, tested on H2; another database with
 * transactions and primary keys works if it takes the table's SQL, or if the host creates the
 * table with the same columns first. Each node's engine appends with the sequence it last saw and,
 * when another node got there first, catches up and decides again ({@link ConflictException});
 * {@code SocialLearningEngine.catchUp()} brings a node's reads up to the log between commands.
 *
 * <p>The table ({@code socialearn_events} unless named otherwise) holds a row an event: its
 * sequence (the primary key), the batch's timestamp as epoch seconds and nanoseconds, the
 * event's type name and the event as JSON (the same JSON the file log writes). A batch is one
 * transaction: it is appended whole or not at all, and of two nodes appending the same sequence
 * the database lets one commit and refuses the other's key, which becomes a {@link
 * ConflictException}. {@link #append} returns once the transaction committed, which on
 * PostgreSQL (with its default {@code synchronous_commit}) means durable. {@link #open} creates
 * the table if it is missing, with a text type for the JSON that the database names ({@code
 * TEXT} on PostgreSQL, {@code CHARACTER LARGE OBJECT} elsewhere).
 *
 * <p>Thread-safe: every call takes its own connection from the data source, which the host owns
 * and closes. {@link #readFrom} reads pages of {@value #PAGE} rows as its stream is consumed, up
 * to the last sequence when it was called, so later appends do not show in it. After {@link
 * #close()} the log refuses every call but {@link #lastSequence()}, which gives the sequence seen
 * last.
 */
public final class JdbcEventLog implements EventLog {
  /** The table name used unless another is given. */
  public static final String DEFAULT_TABLE = "socialearn_events";
  /** How many rows one read of {@link #readFrom}'s stream fetches. */
  static final int PAGE = 1_000;

  private final DataSource dataSource;
  private final String table;
  private final String insert;
  private final String selectFrom;
  private final String selectOne;
  private final String selectLast;
  private volatile boolean closed;
  private volatile long lastSeen;

  private JdbcEventLog(DataSource dataSource, String table) {
    this.dataSource = dataSource;
    this.table = table;
    this.insert = "INSERT INTO " + table
        + " (seq, at_seconds, at_nanos, event_type, payload) VALUES (?, ?, ?, ?, ?)";
    this.selectFrom = "SELECT seq, at_seconds, at_nanos, payload FROM " + table
        + " WHERE seq >= ? AND seq <= ? ORDER BY seq";
    this.selectOne = "SELECT seq, at_seconds, at_nanos, payload FROM " + table
        + " WHERE seq = ?";
    this.selectLast = "SELECT MAX(seq) FROM " + table;
  }

  /**
   * Opens the log in table {@value #DEFAULT_TABLE} of {@code dataSource}, creating the table if
   * it is missing.
   *
   * @param dataSource where the table is; the host keeps it open while the log is used
   * @return the log
   * @throws EventLogException if the database cannot be reached or the table not made
   */
  public static JdbcEventLog open(DataSource dataSource) {
    return open(dataSource, DEFAULT_TABLE);
  }

  /**
   * Opens the log in table {@code table} of {@code dataSource}, creating it if it is missing.
   *
   * @param dataSource where the table is; the host keeps it open while the log is used
   * @param table the table's name: a letter or underscore, then letters, digits or underscores,
   *     at most 63 characters (PostgreSQL's limit); lower case is what PostgreSQL keeps
   * @return the log
   * @throws InvalidInputException if the data source is missing or the name is not such a name
   * @throws EventLogException if the database cannot be reached or the table not made
   */
  public static JdbcEventLog open(DataSource dataSource, String table) {
    Validate.required("dataSource", dataSource);
    Validate.required("table", table);
    if (!table.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      throw new InvalidInputException("table", "name", "table '" + table
          + "' is not a plain SQL name of at most 63 letters, digits and underscores");
    }
    JdbcEventLog log = new JdbcEventLog(dataSource, table);
    log.createTableIfMissing();
    log.lastSeen = log.lastSequence();
    return log;
  }

  private void createTableIfMissing() {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      String text = product.contains("postgres") ? "TEXT" : "CHARACTER LARGE OBJECT";
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS " + table + " (seq BIGINT NOT NULL PRIMARY KEY,"
            + " at_seconds BIGINT NOT NULL, at_nanos INTEGER NOT NULL,"
            + " event_type VARCHAR(100) NOT NULL, payload " + text + " NOT NULL)");
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      throw new EventLogException("cannot create or find the event table " + table + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Appends a batch in one transaction, if the table still ends at {@code expectedLastSequence}.
   *
   * @throws ConflictException if the table ends elsewhere, or another node committed the same
   *     sequences first; nothing is appended
   * @throws InvalidInputException if {@code expectedLastSequence} is negative, {@code events} is
   *     null, empty or holds a null, or {@code timestamp} is null
   * @throws EventLogException if the log is closed or the database fails; nothing is appended
   */
  @Override
  public List<RecordedEvent> append(long expectedLastSequence, List<DomainEvent> events,
      Instant timestamp) {
    List<DomainEvent> batch = AppendBatches.validated(expectedLastSequence, events, timestamp);
    ensureOpen();
    List<String> json = new ArrayList<>(batch.size());
    for (DomainEvent event : batch) {
      try {
        json.add(EventJson.WRITER.writeValueAsString(event));
      } catch (JsonProcessingException e) {
        throw new EventLogException("cannot write " + event.getClass().getSimpleName()
            + " as JSON: " + e.getOriginalMessage(), e);
      }
    }
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        long last = last(c);
        if (last != expectedLastSequence) {
          c.rollback();
          throw conflict(last, expectedLastSequence);
        }
        List<RecordedEvent> recorded = new ArrayList<>(batch.size());
        try (PreparedStatement ps = c.prepareStatement(insert)) {
          for (int i = 0; i < batch.size(); i++) {
            DomainEvent event = batch.get(i);
            long seq = expectedLastSequence + 1 + i;
            ps.setLong(1, seq);
            ps.setLong(2, timestamp.getEpochSecond());
            ps.setInt(3, timestamp.getNano());
            ps.setString(4, typeName(event));
            ps.setString(5, json.get(i));
            ps.addBatch();
            recorded.add(new RecordedEvent(seq, timestamp, event));
          }
          ps.executeBatch();
        }
        c.commit();
        lastSeen = Math.max(lastSeen, expectedLastSequence + batch.size());
        return List.copyOf(recorded);
      } catch (SQLException e) {
        rollbackQuietly(c);
        if (isKeyClash(e)) {
          throw conflict(-1, expectedLastSequence);
        }
        throw e;
      } finally {
        restoreAutoCommit(c, auto);
      }
    } catch (SQLException e) {
      throw new EventLogException("cannot append to the event table " + table + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Reads every event from {@code fromSequence} (below 1 read as 1) up to the last sequence now,
   * in order, a page at a time as the stream is consumed.
   *
   * @throws EventLogException if the log is closed or the database fails
   */
  @Override
  public Stream<RecordedEvent> readFrom(long fromSequence) {
    ensureOpen();
    long upTo = lastSequence();
    long from = Math.max(1, fromSequence);
    Iterator<RecordedEvent> pages = new Iterator<>() {
      private long next = from;
      private List<RecordedEvent> page = List.of();
      private int at;

      @Override
      public boolean hasNext() {
        if (at < page.size()) {
          return true;
        }
        if (next > upTo) {
          return false;
        }
        ensureOpen();
        page = page(next, upTo);
        at = 0;
        if (page.isEmpty()) {
          throw new EventLogException("the event table " + table + " has no sequence " + next
              + " though it ended at " + upTo);
        }
        next = page.get(page.size() - 1).sequence() + 1;
        return true;
      }

      @Override
      public RecordedEvent next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.get(at++);
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages,
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** Up to {@value #PAGE} rows from {@code from} to {@code upTo}. */
  private List<RecordedEvent> page(long from, long upTo) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(selectFrom)) {
      ps.setLong(1, from);
      ps.setLong(2, upTo);
      ps.setMaxRows(PAGE);
      List<RecordedEvent> rows = new ArrayList<>();
      long expected = from;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          RecordedEvent e = row(rs);
          if (e.sequence() != expected) {
            throw new EventLogException("the event table " + table + " skips from sequence "
                + (expected - 1) + " to " + e.sequence());
          }
          rows.add(e);
          expected++;
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new EventLogException("cannot read the event table " + table + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Reads the one event with {@code sequence}.
   *
   * @throws EventLogException if the log is closed, holds no such sequence, or the database fails
   */
  @Override
  public RecordedEvent read(long sequence) {
    ensureOpen();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(selectOne)) {
      ps.setLong(1, sequence);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new EventLogException("the event table " + table + " holds no sequence "
              + sequence);
        }
        return row(rs);
      }
    } catch (SQLException e) {
      throw new EventLogException("cannot read the event table " + table + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * The last sequence in the table, or 0 if it is empty; after {@link #close()}, the last one
   * this log saw.
   *
   * @throws EventLogException if the database fails
   */
  @Override
  public long lastSequence() {
    if (closed) {
      return lastSeen;
    }
    try (Connection c = dataSource.getConnection()) {
      long last = last(c);
      lastSeen = Math.max(lastSeen, last);
      return last;
    } catch (SQLException e) {
      throw new EventLogException("cannot read the event table " + table + ": "
          + e.getMessage(), e);
    }
  }

  /** Stops using the data source (which stays the host's to close). Idempotent. */
  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "JdbcEventLog[table=" + table + (closed ? ", closed]" : "]");
  }

  private long last(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(selectLast);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private RecordedEvent row(ResultSet rs) throws SQLException {
    long seq = rs.getLong(1);
    Instant at = Instant.ofEpochSecond(rs.getLong(2), rs.getInt(3));
    String json = rs.getString(4);
    try {
      return new RecordedEvent(seq, at, EventJson.READER.readValue(json));
    } catch (JsonProcessingException e) {
      throw new EventLogException("the event at sequence " + seq + " of table " + table
          + " is not an event socialearn can read: " + e.getOriginalMessage(), e);
    }
  }

  private static String typeName(DomainEvent event) {
    String name = event.getClass().getSimpleName();
    return name.length() <= 100 ? name : name.substring(0, 100);
  }

  private static ConflictException conflict(long last, long expected) {
    return new ConflictException((last >= 0 ? "the event log ends at sequence " + last
        : "another writer appended after sequence " + expected)
        + ", not at the expected sequence " + expected + "; read the newer events and retry");
  }

  /** Whether the database refused a key another transaction holds (SQLSTATE class 23). */
  private static boolean isKeyClash(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null
          && s.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // The transaction is abandoned with the connection.
    }
  }

  private static void restoreAutoCommit(Connection c, boolean auto) {
    try {
      c.setAutoCommit(auto);
    } catch (SQLException ignored) {
      // The connection goes back to the pool, which resets it.
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new EventLogException("the JDBC event log on table " + table + " is closed");
    }
  }
}
