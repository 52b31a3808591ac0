package io.socialearn.harness.stackexchange;

import io.socialearn.api.thread.Tag;
import java.util.List;

/**
 * A question of the dump as the importer is about to replay it.
 *
 * @param id the dump's post id
 * @param createdMillis its creation time in epoch milliseconds
 * @param title its title as the asker wrote it
 * @param bodyHtml its body as the dump stores it (HTML)
 * @param tags its tags, normalised
 * @param replayedLate whether rows dated after it were replayed before it (its row came more
 *     than the reordering window late): what the engine holds then is not what was known when
 *     it was asked, so an evaluation asking as of its time must leave it out
 */
public record DumpQuestion(int id, long createdMillis, String title, String bodyHtml,
    List<Tag> tags, boolean replayedLate) {
  /** Copies the tags. */
  public DumpQuestion {
    tags = List.copyOf(tags);
  }
}
