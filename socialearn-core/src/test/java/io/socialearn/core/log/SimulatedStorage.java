package io.socialearn.core.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory {@link Storage} that models what a disk keeps: each file has the bytes the page
 * cache holds and the bytes last forced, and the directory has the entries last synced. It can
 * fail writes (a full disk), fail forces (an I/O error) and crash at a chosen operation, and then
 * build the image a power loss or a process crash would leave. Thread-safe: one lock.
 */
final class SimulatedStorage implements Storage {
  static final int PAGE = 4096;

  /** Thrown by every operation from the crash point on: the process is gone. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("simulated crash", null, false, false);
    }
  }

  /** One file: what the page cache holds and what was last forced. */
  static final class MemoryFile {
    byte[] data = new byte[0];
    int size;
    byte[] durable = new byte[0];

    MemoryFile copy() {
      MemoryFile copy = new MemoryFile();
      copy.data = Arrays.copyOf(data, size);
      copy.size = size;
      copy.durable = durable.clone();
      return copy;
    }
  }

  private final Map<String, MemoryFile> files = new LinkedHashMap<>();
  private final Set<String> syncedNames = new HashSet<>();
  private final Random random;
  private long capacity = Long.MAX_VALUE;
  private boolean failForces;
  /** Files whose writes fail (an I/O error), opened while {@link #failing} named them. */
  private final Set<MemoryFile> failingFiles = new HashSet<>();
  private String failing;
  /** Whether every write fails, to files already open too. */
  private boolean failAllWrites;
  private boolean failDirectorySync;
  /** Set by {@link #holdNextForce}: counted down when the held force starts, then cleared. */
  private volatile CountDownLatch forceEntered;
  private volatile CountDownLatch forceRelease;
  private long crashAtOperation = Long.MAX_VALUE;
  private long operations;
  private boolean crashed;

  SimulatedStorage(long seed) {
    this.random = new Random(seed);
  }

  /** Makes writes fail once the files together would exceed {@code bytes}. */
  synchronized void capacity(long bytes) {
    this.capacity = bytes;
  }

  /** Makes every force fail, or work again. */
  synchronized void failForces(boolean fail) {
    this.failForces = fail;
  }

  /**
   * Makes every write to a file whose name ends with {@code suffix} fail with an I/O error, for
   * files opened from now on; null for none.
   */
  synchronized void failWritesTo(String suffix) {
    this.failing = suffix;
    if (suffix == null) {
      failingFiles.clear();
    }
  }

  /** Makes every write to every file, those already open too, fail with an I/O error, or work. */
  synchronized void failWrites(boolean fail) {
    this.failAllWrites = fail;
  }

  /** Makes every directory sync fail with an I/O error, or work again. */
  synchronized void failDirectorySync(boolean fail) {
    this.failDirectorySync = fail;
  }

  /**
   * Makes the next force block, outside this storage's lock (so other operations go on), until
   * {@link #releaseForce()}; returns a latch counted down once that force has started.
   */
  CountDownLatch holdNextForce() {
    forceRelease = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    forceEntered = entered;
    return entered;
  }

  /** Lets the held force run. */
  void releaseForce() {
    forceRelease.countDown();
  }

  /** Called by a channel before it forces, without the lock: blocks there if the force is held. */
  void beforeForce() throws IOException {
    CountDownLatch entered = forceEntered;
    if (entered == null) {
      return;
    }
    forceEntered = null;
    entered.countDown();
    try {
      if (!forceRelease.await(10, TimeUnit.SECONDS)) {
        throw new IOException("the held force was never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while held", e);
    }
  }

  /** Crashes at the {@code n}th mutating operation from now (1 = the next one). */
  synchronized void crashAfter(long n) {
    this.crashAtOperation = operations + n;
  }

  /** How many mutating operations ran so far. */
  synchronized long operations() {
    return operations;
  }

  synchronized boolean crashed() {
    return crashed;
  }

  /** The bytes a file holds now, as a reader would see them. */
  synchronized byte[] contents(String name) {
    MemoryFile file = files.get(name);
    return Arrays.copyOf(file.data, file.size);
  }

  /** Replaces a file's content, durably (as if written and forced long ago). */
  synchronized void replace(String name, byte[] content) {
    MemoryFile file = files.computeIfAbsent(name, n -> new MemoryFile());
    file.data = content.clone();
    file.size = content.length;
    file.durable = content.clone();
    syncedNames.add(name);
  }

  synchronized Set<String> names() {
    return new HashSet<>(files.keySet());
  }

  /**
   * What a process crash leaves: the operating system writes back its page cache, so every byte
   * written survives, whether forced or not.
   */
  synchronized SimulatedStorage afterProcessCrash(long seed) {
    SimulatedStorage image = new SimulatedStorage(seed);
    for (Map.Entry<String, MemoryFile> entry : files.entrySet()) {
      MemoryFile survivor = entry.getValue().copy();
      survivor.durable = Arrays.copyOf(survivor.data, survivor.size);
      image.files.put(entry.getKey(), survivor);
      image.syncedNames.add(entry.getKey());
    }
    return image;
  }

  /**
   * What a power loss leaves: forced bytes survive; of the rest, the image keeps all, none, a
   * prefix, a random choice of pages, zeroes the last page or flips a bit, as chosen by {@code
   * seed}; a file created since the last directory sync may vanish.
   */
  synchronized SimulatedStorage afterPowerLoss(long seed) {
    Random chance = new Random(seed);
    SimulatedStorage image = new SimulatedStorage(seed);
    for (Map.Entry<String, MemoryFile> entry : files.entrySet()) {
      String name = entry.getKey();
      if (!syncedNames.contains(name) && chance.nextBoolean()) {
        continue;
      }
      byte[] survived = survive(entry.getValue(), chance);
      MemoryFile file = new MemoryFile();
      file.data = survived;
      file.size = survived.length;
      file.durable = survived.clone();
      image.files.put(name, file);
      image.syncedNames.add(name);
    }
    return image;
  }

  private static byte[] survive(MemoryFile file, Random chance) {
    byte[] forced = file.durable;
    byte[] cached = Arrays.copyOf(file.data, file.size);
    int mode = chance.nextInt(6);
    int length;
    switch (mode) {
      case 0 -> length = forced.length;
      case 1, 3, 5 -> length = cached.length;
      default -> {
        int low = Math.min(forced.length, cached.length);
        int high = Math.max(forced.length, cached.length);
        length = low + chance.nextInt(high - low + 1);
      }
    }
    byte[] image = new byte[length];
    boolean[] unforced = new boolean[length];
    for (int i = 0; i < length; i++) {
      boolean inForced = i < forced.length;
      boolean inCached = i < cached.length;
      boolean same = inForced && inCached && forced[i] == cached[i];
      if (same) {
        image[i] = forced[i];
        continue;
      }
      unforced[i] = true;
      boolean takeCached;
      if (mode == 0) {
        takeCached = false;
      } else if (mode == 5) {
        takeCached = chance.nextBoolean();
        int pageEnd = Math.min(length, (i / PAGE + 1) * PAGE);
        for (int j = i; j < pageEnd; j++) {
          boolean differs = !(j < forced.length && j < cached.length && forced[j] == cached[j]);
          unforced[j] = differs;
          image[j] = differs ? pick(takeCached, forced, cached, j) : forced[j];
        }
        i = pageEnd - 1;
        continue;
      } else {
        takeCached = true;
      }
      image[i] = pick(takeCached, forced, cached, i);
    }
    if (mode == 3 && length > 0) {
      for (int i = (length - 1) / PAGE * PAGE; i < length; i++) {
        if (unforced[i]) {
          image[i] = 0;
        }
      }
    }
    if (mode == 4 || mode == 2) {
      List<Integer> candidates = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        if (unforced[i]) {
          candidates.add(i);
        }
      }
      if (!candidates.isEmpty() && (mode == 4 || chance.nextBoolean())) {
        int at = candidates.get(chance.nextInt(candidates.size()));
        image[at] ^= (byte) (1 << chance.nextInt(8));
      }
    }
    return image;
  }

  private static byte pick(boolean takeCached, byte[] forced, byte[] cached, int i) {
    if (takeCached && i < cached.length) {
      return cached[i];
    }
    return i < forced.length ? forced[i] : 0;
  }

  private void operation() {
    if (crashed) {
      throw new Crash();
    }
    if (++operations >= crashAtOperation) {
      crashed = true;
      throw new Crash();
    }
  }

  @Override
  public synchronized List<String> list() {
    operation();
    return new ArrayList<>(files.keySet());
  }

  @Override
  public synchronized FileChannel openWrite(String name) {
    operation();
    MemoryFile file = files.computeIfAbsent(name, n -> new MemoryFile());
    if (failing != null && name.endsWith(failing)) {
      failingFiles.add(file);
    }
    return new MemoryChannel(this, file, true);
  }

  @Override
  public synchronized FileChannel openRead(String name) throws IOException {
    MemoryFile file = files.get(name);
    if (file == null) {
      throw new NoSuchFileException(describe(name));
    }
    return new MemoryChannel(this, file, false);
  }

  @Override
  public synchronized void syncDirectory() throws IOException {
    if (failDirectorySync) {
      throw new IOException("Input/output error (directory sync)");
    }
    operation();
    syncedNames.clear();
    syncedNames.addAll(files.keySet());
  }

  @Override
  public String describe(String name) {
    return "mem:/log/" + name;
  }

  @Override
  public void close() {
    // No lock to release.
  }

  synchronized long size(MemoryFile file) {
    if (crashed) {
      throw new Crash();
    }
    return file.size;
  }

  synchronized int read(MemoryFile file, ByteBuffer dst, long at) {
    if (crashed) {
      throw new Crash();
    }
    if (at >= file.size) {
      return -1;
    }
    int count = (int) Math.min(dst.remaining(), file.size - at);
    dst.put(file.data, (int) at, count);
    return count;
  }

  synchronized int write(MemoryFile file, ByteBuffer src, long at) throws IOException {
    if (crashed) {
      throw new Crash();
    }
    if (failAllWrites || failingFiles.contains(file)) {
      throw new IOException("Input/output error");
    }
    int count = src.remaining();
    boolean crashNow = ++operations >= crashAtOperation;
    if (crashNow) {
      crashed = true;
      count = random.nextInt(count + 1);
    }
    long growth = Math.max(0, at + count - file.size);
    long used = 0;
    for (MemoryFile each : files.values()) {
      used += each.size;
    }
    boolean full = used + growth > capacity;
    if (full) {
      count = (int) Math.max(0, Math.min(count, capacity - used + Math.max(0, file.size - at)));
    }
    int end = (int) (at + count);
    if (end > file.data.length) {
      file.data = Arrays.copyOf(file.data, Math.max(end, file.data.length * 2));
    }
    src.get(file.data, (int) at, count);
    file.size = Math.max(file.size, end);
    if (crashNow) {
      throw new Crash();
    }
    if (full) {
      throw new IOException("No space left on device");
    }
    return count;
  }

  synchronized void truncate(MemoryFile file, long size) {
    operation();
    if (size < file.size) {
      Arrays.fill(file.data, (int) size, file.size, (byte) 0);
      file.size = (int) size;
    }
  }

  synchronized void force(MemoryFile file) throws IOException {
    operation();
    if (failForces) {
      throw new IOException("Input/output error");
    }
    file.durable = Arrays.copyOf(file.data, file.size);
  }
}
