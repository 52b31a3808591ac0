package io.socialearn.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.event.EventLogException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SnapshotStore} and {@link AtomicFiles}: newest valid wins, damage falls back. */
class SnapshotStoreTest {
  @TempDir Path temp;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private Path fileOf(long sequence) {
    return temp.resolve("snaps").resolve(String.format(Locale.ROOT, "snapshot-%020d.snap",
        sequence));
  }

  @Test
  void loadsTheNewestAndKeepsOnlyTheNewestFew() {
    SnapshotStore store = SnapshotStore.open(temp.resolve("snaps"), 2);
    assertThat(store.loadNewest()).isEmpty();

    store.save(10, bytes("ten"));
    store.save(30, bytes("thirty"));
    store.save(20, bytes("twenty"));

    assertThat(store.loadNewest()).contains(new SnapshotStore.Snapshot(30, bytes("thirty")));
    assertThat(store.sequences()).containsExactly(30L, 20L);
    assertThat(SnapshotStore.open(temp.resolve("snaps"), 2).loadNewest().orElseThrow().data())
        .isEqualTo(bytes("thirty"));
  }

  @Test
  void aDamagedNewestSnapshotFallsBackToAnOlderOneAndAllDamagedMeansFullReplay()
      throws IOException {
    SnapshotStore store = SnapshotStore.open(temp.resolve("snaps"), 3);
    store.save(1, bytes("one"));
    store.save(2, bytes("two"));
    store.save(3, bytes("three"));

    byte[] three = Files.readAllBytes(fileOf(3));
    three[three.length - 1] ^= 0x04;
    Files.write(fileOf(3), three);
    assertThat(store.loadNewest()).contains(new SnapshotStore.Snapshot(2, bytes("two")));

    byte[] two = Files.readAllBytes(fileOf(2));
    Files.write(fileOf(2), Arrays.copyOf(two, two.length - 1));
    assertThat(store.loadNewest()).contains(new SnapshotStore.Snapshot(1, bytes("one")));

    Files.write(fileOf(1), bytes("garbage"));
    assertThat(store.loadNewest()).isEmpty();
  }

  @Test
  void aSnapshotRenamedToAnotherSequenceIsDamaged() throws IOException {
    SnapshotStore store = SnapshotStore.open(temp.resolve("snaps"), 3);
    store.save(5, bytes("five"));
    Files.move(fileOf(5), fileOf(9));

    assertThat(store.loadNewest()).isEmpty();
  }

  @Test
  void snapshotsAreCopiedNotShared() {
    SnapshotStore store = SnapshotStore.open(temp.resolve("snaps"), 1);
    byte[] data = bytes("abc");
    store.save(1, data);
    data[0] = 'z';

    SnapshotStore.Snapshot loaded = store.loadNewest().orElseThrow();
    loaded.data()[0] = 'y';

    assertThat(loaded.data()).isEqualTo(bytes("abc"));
    assertThat(loaded).hasToString("Snapshot[sequence=1, 3 bytes]");
  }

  @Test
  void aPreparedSnapshotIsInvisibleUntilCommittedAndLeavesNothingWhenAbandoned()
      throws IOException {
    SnapshotStore store = SnapshotStore.open(temp.resolve("snaps"), 3);
    store.save(1, bytes("one"));

    try (SnapshotStore.Prepared prepared = store.prepare(2, out -> out.write(bytes("two")))) {
      assertThat(store.loadNewest().orElseThrow().sequence()).isEqualTo(1);
      assertThat(store.sequences()).containsExactly(1L);
    }
    assertThat(names()).containsExactly("snapshot-00000000000000000001.snap");

    try (SnapshotStore.Prepared prepared = store.prepare(3, out -> out.write(bytes("three")))) {
      prepared.commit();
    }
    assertThat(store.loadNewest()).contains(new SnapshotStore.Snapshot(3, bytes("three")));
    assertThat(names()).containsExactly("snapshot-00000000000000000001.snap",
        "snapshot-00000000000000000003.snap");
  }

  @Test
  void aFailingWriterLeavesNoFileBehind() throws IOException {
    SnapshotStore store = SnapshotStore.open(temp.resolve("snaps"), 3);
    assertThatThrownBy(() -> store.prepare(4, out -> {
      out.write(bytes("half"));
      throw new IOException("disk full");
    })).isInstanceOf(EventLogException.class).hasMessageContaining("disk full");
    assertThat(names()).isEmpty();
  }

  @Test
  void streamsDataLargerThanItsBuffersBothWaysWithTheChecksumOverAll() throws IOException {
    SnapshotStore store = SnapshotStore.open(temp.resolve("snaps"), 3);
    Random random = new Random(7);
    byte[] data = new byte[300_000];
    random.nextBytes(data);
    try (SnapshotStore.Prepared prepared = store.prepare(9, out -> {
      for (int i = 0; i < 1000; i++) {
        out.write(data[i]);
      }
      out.write(data, 1000, data.length - 1000);
    })) {
      prepared.commit();
    }
    // A reader that reads part as a stream and maps the rest sees every byte once.
    byte[] read = store.loadNewest(9, (sequence, in) -> {
      byte[] into = new byte[data.length];
      int head = 70_000;
      in.readNBytes(into, 0, head);
      assertThat(in.remaining()).isEqualTo(data.length - head);
      in.mapRest(in.remaining()).get(into, head, data.length - head);
      assertThat(in.read()).isEqualTo(-1);
      return into;
    }).orElseThrow();
    assertThat(read).isEqualTo(data);
    // A reader that stops early still has the rest checksummed: a flip there is found.
    byte[] file = Files.readAllBytes(fileOf(9));
    file[file.length - 10] ^= 0x10;
    Files.write(fileOf(9), file);
    assertThat(store.loadNewest(9, (sequence, in) -> in.read())).isEmpty();
  }

  @Test
  void mapsRegionsInTurnAndReadsTheEndWithoutMovingOnTheChecksumOverAll() throws IOException {
    SnapshotStore store = SnapshotStore.open(temp.resolve("snaps"), 3);
    Random random = new Random(11);
    byte[] data = new byte[300_000];
    random.nextBytes(data);
    try (SnapshotStore.Prepared prepared = store.prepare(4, out -> out.write(data))) {
      prepared.commit();
    }
    // A stream head, a region within what the stream buffered, one past it, the end peeked.
    byte[] read = store.loadNewest(4, (sequence, in) -> {
      byte[] into = new byte[data.length];
      ByteBuffer last = in.tail(12);
      assertThat(in.remaining()).isEqualTo(data.length);
      last.get(into, data.length - 12, 12);
      in.readNBytes(into, 0, 1_000);
      in.map(500).get(into, 1_000, 500);
      assertThat(in.remaining()).isEqualTo(data.length - 1_500);
      in.map(200_000).get(into, 1_500, 200_000);
      in.readNBytes(into, 201_500, 1_000);
      ByteBuffer rest = in.map(in.remaining() - 12);
      rest.get(into, 202_500, rest.remaining());
      assertThat(in.remaining()).isEqualTo(12);
      assertThatThrownBy(() -> in.map(13)).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> in.tail(13)).isInstanceOf(IOException.class);
      return into;
    }).orElseThrow();
    assertThat(read).isEqualTo(data);
    // A flip in a mapped region is found by the checksum.
    byte[] file = Files.readAllBytes(fileOf(4));
    file[file.length - 150_000] ^= 0x01;
    Files.write(fileOf(4), file);
    assertThat(store.loadNewest(4, (sequence, in) -> {
      in.map(in.remaining());
      return 1;
    })).isEmpty();
  }

  @Test
  void aSnapshotAheadOfTheLogIsNotReadAndAnUnreadableOneFallsBack() {
    SnapshotStore store = SnapshotStore.open(temp.resolve("snaps"), 3);
    store.save(1, bytes("one"));
    store.save(2, bytes("two"));

    assertThat(store.loadNewest(1, (sequence, in) -> sequence)).isEmpty();
    assertThat(store.loadNewest(2, (sequence, in) -> {
      if (sequence == 2) {
        throw new IOException("format from another version");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    })).contains("one");
  }

  @Test
  void readsVersionOneFiles() throws IOException {
    Files.createDirectories(temp.resolve("snaps"));
    byte[] data = bytes("old form");
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(data);
    ByteBuffer file = ByteBuffer.allocate(24 + data.length);
    file.put(bytes("SLSNAP01")).putLong(6).putInt(data.length).putInt((int) crc.getValue())
        .put(data);
    Files.write(fileOf(6), file.array());

    SnapshotStore store = SnapshotStore.open(temp.resolve("snaps"), 3);
    assertThat(store.loadNewest()).contains(new SnapshotStore.Snapshot(6, data));
    file.put(24, (byte) 'O');
    Files.write(fileOf(6), file.array());
    assertThat(store.loadNewest()).isEmpty();
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(temp.resolve("snaps"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void badArgumentsAndAnUnusableDirectoryAreClearErrors() throws IOException {
    assertThatThrownBy(() -> SnapshotStore.open(temp, 0))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("keep"));
    SnapshotStore store = SnapshotStore.open(temp.resolve("snaps"), 1);
    assertThatThrownBy(() -> store.save(-1, bytes("x")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("sequence"));
    Path file = Files.writeString(temp.resolve("plain"), "x");
    assertThatThrownBy(() -> SnapshotStore.open(file, 1))
        .isInstanceOf(EventLogException.class).hasMessageContaining(file.toString());
  }

  @Test
  void atomicWriteReplacesWholeAndLeavesNoTemporaryFile() throws IOException {
    Path target = temp.resolve("state.bin");
    AtomicFiles.write(target, bytes("old"));
    AtomicFiles.write(target, bytes("new content"));

    assertThat(Files.readAllBytes(target)).isEqualTo(bytes("new content"));
    try (Stream<Path> files = Files.list(temp)) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      assertThat(names).containsExactly("state.bin");
      assertThat(names).noneMatch(AtomicFiles::isTemporary);
    }
    assertThat(AtomicFiles.isTemporary("state.bin.tmp")).isTrue();
  }

  @Test
  void aFailedAtomicWriteLeavesTheOldContent() throws IOException {
    Path target = temp.resolve("state.bin");
    AtomicFiles.write(target, bytes("old"));
    try (AtomicFiles.Staged staged = AtomicFiles.stage(target)) {
      staged.channel().write(java.nio.ByteBuffer.wrap(bytes("new")));
      // The temporary file gone before the rename makes the commit fail.
      try (Stream<Path> files = Files.list(temp)) {
        for (Path file : files.filter(f -> AtomicFiles.isTemporary(f.toString())).toList()) {
          Files.delete(file);
        }
      }
      assertThatThrownBy(staged::commit).isInstanceOf(IOException.class);
    }
    assertThat(Files.readAllBytes(target)).isEqualTo(bytes("old"));
  }
}
