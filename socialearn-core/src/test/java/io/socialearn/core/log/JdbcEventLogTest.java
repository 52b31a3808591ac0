package io.socialearn.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.ConflictException;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.event.EventLog;
import io.socialearn.api.event.EventLogException;
import io.socialearn.api.event.RecordedEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@link EventLogContract} against {@link JdbcEventLog} on an in-memory H2 database
 * (each log its own database, kept while the JVM runs, so a reopened log finds its table), plus
 * what a shared SQL log adds: two logs on one table, pages, a table name, a damaged row.
 */
class JdbcEventLogTest extends EventLogContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private final Map<EventLog, JdbcDataSource> sources = new IdentityHashMap<>();

  private static JdbcDataSource database() {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:events" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    return source;
  }

  @Override
  protected EventLog newLog() {
    JdbcDataSource source = database();
    JdbcEventLog log = JdbcEventLog.open(source);
    sources.put(log, source);
    return log;
  }

  @Override
  protected EventLog reopen(EventLog closed) {
    JdbcEventLog again = JdbcEventLog.open(sources.get(closed));
    sources.put(again, sources.get(closed));
    return again;
  }

  @Test
  void twoNodesOnOneTableSeeEachOthersEventsAndConflictOnTheSameSequence() {
    JdbcDataSource shared = sources.get(log);
    JdbcEventLog other = JdbcEventLog.open(shared);
    List<RecordedEvent> mine = log.append(0, events("a", "b"), T1);
    assertThat(other.lastSequence()).isEqualTo(2);
    assertThat(read(other, 1)).containsExactlyElementsOf(mine);
    assertThatThrownBy(() -> other.append(0, events("x"), T2))
        .isInstanceOf(ConflictException.class).hasMessageContaining("ends at sequence 2");
    List<RecordedEvent> theirs = other.append(2, events("c"), T2);
    assertThat(read(log, 3)).containsExactlyElementsOf(theirs);
    other.close();
  }

  @Test
  void aStreamReadsPageByPageUpToTheEndWhenItWasAsked() {
    List<RecordedEvent> all = new ArrayList<>();
    int batches = 5;
    int size = JdbcEventLog.PAGE / 2 + 7;
    for (int b = 0; b < batches; b++) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        ids.add("t" + b + "-" + i);
      }
      all.addAll(log.append(all.size(), events(ids.toArray(new String[0])), T1));
    }
    try (Stream<RecordedEvent> stream = log.readFrom(2)) {
      log.append(all.size(), events("later"), T2);
      assertThat(stream.toList()).containsExactlyElementsOf(all.subList(1, all.size()));
    }
    assertThat(log.lastSequence()).isEqualTo(all.size() + 1L);
  }

  @Test
  void aTableNameIsCheckedAndTwoTablesAreTwoLogs() {
    JdbcDataSource shared = sources.get(log);
    for (String bad : List.of("", "1events", "events; DROP TABLE x", "a".repeat(64))) {
      assertThatThrownBy(() -> JdbcEventLog.open(shared, bad))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("plain SQL name");
    }
    JdbcEventLog pilot = JdbcEventLog.open(shared, "pilot_events");
    pilot.append(0, events("p"), T1);
    assertThat(pilot.lastSequence()).isEqualTo(1);
    assertThat(log.lastSequence()).isZero();
    pilot.close();
  }

  @Test
  void aRowThatIsNotAnEventIsReportedWithItsSequence() throws SQLException {
    log.append(0, events("a"), T1);
    try (Connection c = sources.get(log).getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO socialearn_events VALUES (2, 0, 0, 'Nonsense', '{\"type\":\"x\"}')");
    }
    assertThatThrownBy(() -> log.read(2)).isInstanceOf(EventLogException.class)
        .hasMessageContaining("sequence 2");
    assertThatThrownBy(() -> read(log, 1)).isInstanceOf(EventLogException.class)
        .hasMessageContaining("sequence 2");
  }

  @Test
  void aGapInTheTableIsAnErrorNotASilentSkip() throws SQLException {
    log.append(0, events("a", "b", "c"), T1);
    try (Connection c = sources.get(log).getConnection(); Statement s = c.createStatement()) {
      s.execute("DELETE FROM socialearn_events WHERE seq = 2");
    }
    assertThatThrownBy(() -> read(log, 1)).isInstanceOf(EventLogException.class)
        .hasMessageContaining("skips from sequence 1 to 3");
    assertThatThrownBy(() -> log.read(2)).isInstanceOf(EventLogException.class)
        .hasMessageContaining("no sequence 2");
  }

  @Test
  void anUnreachableDatabaseIsAnEventLogErrorNamingTheTable() {
    JdbcDataSource nowhere = new JdbcDataSource();
    nowhere.setURL("jdbc:h2:mem:;IFEXISTS=TRUE");
    assertThatThrownBy(() -> JdbcEventLog.open(nowhere))
        .isInstanceOf(EventLogException.class).hasMessageContaining("socialearn_events");
  }
}
