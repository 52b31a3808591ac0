package io.socialearn.harness.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialearn.harness.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import io.socialearn.core.SocialLearningEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
  private static final Path TINY = Run.resource("dumps/tiny.example.com");

  @Test
  void importsEveryKindOfRowAndCountsWhatItSkips() {
    Run run = Run.of("import", "--dump", TINY.toString());
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode summary = run.summary();
    JsonNode counts = summary.get("counts");
    assertThat(summary.get("store").asText()).isEqualTo("memory");
    assertThat(summary.has("dataNote")).isFalse();
    // 12 has no owner (anonymous), 13's owner 99 is not in Users.xml, 14 has a two-letter title
    assertThat(counts.get("questions").asLong()).isEqualTo(4);
    assertThat(counts.get("answers").asLong()).isEqualTo(1);
    assertThat(counts.get("comments").asLong()).isEqualTo(2);
    assertThat(counts.get("people.anonymous").asLong()).isEqualTo(2);
    assertThat(counts.get("people.beforeTheirRow").asLong()).isEqualTo(1);
    assertThat(counts.get("people.users").asLong()).isEqualTo(3);
    assertThat(counts.get("votes.up").asLong()).isEqualTo(3);
    assertThat(counts.get("votes.down").asLong()).isEqualTo(1);
    // three votes on two posts need two synthetic voters, never the authors u1 and u2
    assertThat(counts.get("people.syntheticVoters").asLong()).isEqualTo(2);
    assertThat(counts.get("accepts").asLong()).isEqualTo(1);
    assertThat(counts.get("duplicates").asLong()).isEqualTo(2);
    assertThat(counts.get("tagsDropped")).isNull();
    assertThat(counts.get("skipped.votesOnPostsNotInDump").asLong()).isEqualTo(1);
    assertThat(counts.get("skipped.commentsOnPostsNotInDump").asLong()).isEqualTo(1);
    assertThat(counts.get("skipped.votesOfOtherTypes").asLong()).isEqualTo(1);
    assertThat(counts.get("skipped.postsOfOtherTypes").asLong()).isEqualTo(1);
    assertThat(counts.get("skipped.linksNotDuplicates").asLong()).isEqualTo(1);
    assertThat(summary.get("events").asLong()).isGreaterThanOrEqualTo(
        summary.get("commands").asLong());
  }

  @Test
  void dataImportsIntoTheDurableStoreOnceAndOnlyIntoAnEmptyOne(@TempDir Path data) {
    Run run = Run.of("import", "--dump", TINY.toString(), "--data", data.toString());
    assertThat(run.status()).as(run.err()).isZero();
    long events = run.summary().get("events").asLong();
    assertThat(run.summary().get("store").asText()).isEqualTo(data.toString());
    assertThat(data.toFile().list()).contains("log", "snapshots", "index");
    try (SocialLearningEngine reopened = SocialLearningEngine.builder().dataDirectory(data)
        .build()) {
      assertThat(reopened.lastSequence()).isEqualTo(events);
    }

    Run again = Run.of("import", "--dump", TINY.toString(), "--data", data.toString());
    assertThat(again.status()).isEqualTo(2);
    assertThat(again.err()).contains("already holds a store of " + events + " events");
  }

  @Test
  void xmlThatEndsEarlyIsAOneLineErrorNamingTheFileWithStatusTwo(@TempDir Path dir)
      throws IOException {
    Path dump = copyOfTiny(dir);
    String posts = Files.readString(dump.resolve("Posts.xml"), StandardCharsets.UTF_8);
    Files.writeString(dump.resolve("Posts.xml"), posts.substring(0, posts.length() / 2),
        StandardCharsets.UTF_8);
    Run run = Run.of("import", "--dump", dump.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).startsWith("error: " + dump.resolve("Posts.xml")
        + ": malformed XML at line");
  }

  @Test
  void malformedOrMissingFilesAreUsageErrors(@TempDir Path dir) throws IOException {
    Path dump = copyOfTiny(dir);
    Files.writeString(dump.resolve("Votes.xml"), "<votes><row Id=\"1\" </votes>");
    Run bad = Run.of("import", "--dump", dump.toString());
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).hasLineCount(1).contains(dump.resolve("Votes.xml").toString())
        .contains("malformed XML");

    Files.delete(dump.resolve("Comments.xml"));
    Run missing = Run.of("import", "--dump", dump.toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("error: " + dump.resolve("Comments.xml")
        + ": no such dump file\n");

    Run noDir = Run.of("import", "--dump", dir.resolve("nope").toString());
    assertThat(noDir.status()).isEqualTo(2);
    Run typo = Run.of("import", "--dump", dump.toString(), "--dta", "x");
    assertThat(typo.status()).isEqualTo(2);
    assertThat(typo.err()).isEqualTo("error: unknown option --dta\n");
  }

  @Test
  void aRowWithABadDateNamesTheFileAndRow(@TempDir Path dir) throws IOException {
    Path dump = copyOfTiny(dir);
    String users = Files.readString(dump.resolve("Users.xml"), StandardCharsets.UTF_8);
    Files.writeString(dump.resolve("Users.xml"), users.replace("2020-12-02T10:00:00.000",
        "yesterday"), StandardCharsets.UTF_8);
    Run run = Run.of("import", "--dump", dump.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).contains("Users.xml: row 2:")
        .contains("bad date 'yesterday'");
  }

  static Path copyOfTiny(Path dir) throws IOException {
    Path dump = dir.resolve("tiny.example.com");
    Files.createDirectories(dump);
    try (Stream<Path> files = Files.list(TINY)) {
      for (Path file : files.toList()) {
        Files.copy(file, dump.resolve(file.getFileName()));
      }
    }
    return dump;
  }
}
