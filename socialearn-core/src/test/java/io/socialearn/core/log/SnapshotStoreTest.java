package io.socialearn.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.event.EventLogException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
    // A directory where the temporary file must go makes the write fail before the rename.
    Files.createDirectory(temp.resolve("state.bin.tmp"));
    Files.writeString(temp.resolve("state.bin.tmp").resolve("x"), "x");

    assertThatThrownBy(() -> AtomicFiles.write(target, bytes("new")))
        .isInstanceOf(IOException.class);
    assertThat(Files.readAllBytes(target)).isEqualTo(bytes("old"));
  }
}
