package io.socialearn.harness.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialearn.harness.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReputationEvalTest {
  private static final Path TINY = Path.of("src/test/resources/dumps/tiny.example.com");

  @Test
  void computesEveryUserAndComparesTheAuthorsWorkedByHand(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("rep.tsv");
    Run run = Run.of("eval", "reputation", "--dump", TINY.toString(), "--out", out.toString());
    assertThat(run.status()).as(run.err()).isZero();
    // u1 asked Q10: two up votes at +10 (a 2021 dump) and +2 for accepting = 1 + 22.
    // u2 answered: an up vote, the accept and a down vote = 1 + 10 + 15 - 2.
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8))
        .containsExactly("-1\t1", "1\t23", "2\t24");
    assertThat(Files.readAllLines(Path.of(out + ".bonus.tsv"), StandardCharsets.UTF_8))
        .containsExactly("-1\t101", "1\t123", "2\t124");
    JsonNode summary = run.summary();
    assertThat(summary.get("rules").asText()).isEqualTo("stack-exchange");
    // Users.xml shows 101 and 215: both are closer with the bonus (123, 124).
    assertThat(summary.get("usersCompared").asInt()).isEqualTo(2);
    assertThat(summary.get("comparedWithAssociationBonus").asInt()).isEqualTo(2);
    assertThat(summary.get("exactShare").asDouble()).isZero();
    assertThat(summary.get("within10PercentShare").asDouble()).isZero();
    assertThat(summary.get("medianAbsoluteError").asDouble()).isEqualTo((22 + 91) / 2.0);
    assertThat(summary.get("spearman").asDouble()).isEqualTo(1.0);
  }

  @Test
  void aLapsedBountyPaysHalfAnEditWithoutThePrivilegeWasASuggestionAndWikiVotesEarnNothing(
      @TempDir Path dir) throws IOException {
    Path out = dir.resolve("rep.tsv");
    Run run = Run.of("eval", "reputation", "--dump",
        "src/test/resources/dumps/bounty-edits.example.com", "--out", out.toString());
    assertThat(run.status()).as(run.err()).isZero();
    // u1: five up votes (+50), then a bounty of 50 offered = 1.
    // u2: the bounty lapsed and the close row says 25 went to the answer = 1 + 25.
    // u3: edited u2's answer with 1 reputation, so through a suggestion approved = 1 + 2.
    // u1's own edit of the question earns nothing, nor do u2's two up votes on a community-wiki
    // answer (one of them on the day it was posted).
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8))
        .containsExactly("-1\t1", "1\t1", "2\t26", "3\t3");
    JsonNode summary = run.summary();
    assertThat(summary.get("exactShare").asDouble()).isEqualTo(1.0);
    assertThat(summary.get("importCounts").get("suggestedEdits").asInt()).isEqualTo(1);
    assertThat(summary.get("importCounts").get("communityWiki").asInt()).isEqualTo(1);
    assertThat(summary.get("importCounts").get("bounties.lapsedHalfAwarded").asInt())
        .isEqualTo(1);
  }

  @Test
  void eachUserIsChargedTheDownVotesTheyAreEstimatedToHaveCastOnAnswers(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("rep.tsv");
    Run run = Run.of("eval", "reputation", "--dump",
        "src/test/resources/dumps/downvotes.example.com", "--out", out.toString());
    assertThat(run.status()).as(run.err()).isZero();
    // As replayed: u2 +10 -2 -2 = 7; u3 and u4 a question up vote each = 11.
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8))
        .containsExactly("1\t1", "2\t7", "3\t11", "4\t11");
    // u3 cast one down vote and only u3 could have cast the one on answer 21 (private beta);
    // u4 cast one too, but joined after the private beta and never had 125 points, so the down
    // vote on answer 31 is not theirs.
    assertThat(Files.readAllLines(Path.of(out + ".downvotes.tsv"), StandardCharsets.UTF_8))
        .containsExactly("3\t1");
    JsonNode summary = run.summary();
    assertThat(summary.get("downVotesOnAnswersEstimated").asInt()).isEqualTo(1);
    assertThat(summary.get("exactShare").asDouble()).isEqualTo(1.0);
    assertThat(summary.get("withoutDownVoteEstimate").get("exactShare").asDouble())
        .isEqualTo(0.75);
  }

  @Test
  void aChargeNeverTakesReputationBelowTheFloor() {
    assertThat(ReputationEval.charge(Map.of(1, 10, 2, 3, 3, 5), Map.of(1, 4, 2, 5)))
        .containsExactlyInAnyOrderEntriesOf(Map.of(1, 6, 2, 1, 3, 5));
  }

  @Test
  void eachUserIsComparedWithTheCloserOfThePlainAndTheBonusValue() {
    Map<Integer, Integer> shown = Map.of(1, 50, 2, 150, 3, 1000, 4, 7);
    Map<Integer, Integer> plain = Map.of(1, 50, 2, 48, 3, 905, 4, 7);
    Map<Integer, Integer> bonus = Map.of(1, 150, 2, 148, 3, 1005, 4, 107);
    Map<String, Object> figures = ReputationEval.compare(shown, plain, bonus,
        Set.of(1, 2, 3)).figures();
    assertThat(figures.get("usersCompared")).isEqualTo(3);
    assertThat(figures.get("comparedWithAssociationBonus")).isEqualTo(2);
    assertThat(figures.get("exactShare")).isEqualTo(Metrics.round4(1 / 3.0));
    // errors 0, 2, 5: all within max(10, 10%).
    assertThat(figures.get("within10PercentShare")).isEqualTo(1.0);
    assertThat(figures.get("medianAbsoluteError")).isEqualTo(2.0);
    assertThat(List.of(figures.get("spearman"))).containsExactly(1.0);
  }
}
