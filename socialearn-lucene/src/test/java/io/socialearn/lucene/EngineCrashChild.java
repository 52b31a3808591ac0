package io.socialearn.lucene;

import io.socialearn.api.Viewer;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.core.SocialLearningEngine;
import io.socialearn.core.WriteRateLimit;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The process {@link KilledEngineIT} kills: an engine on a data directory with a Lucene index
 * that commits rarely, asking questions with unique words and printing {@code ack WORD} once each
 * command has returned.
 */
final class EngineCrashChild {
  private EngineCrashChild() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    String run = args[1];
    LuceneSearchIndex index = LuceneSearch.builder().directory(dir.resolve("index"))
        .commitInterval(Duration.ofMinutes(10)).build();
    SocialLearningEngine engine = SocialLearningEngine.builder().dataDirectory(dir)
        .searchIndex(index).writeRateLimit(WriteRateLimit.unlimited()).build();
    SpaceId space;
    if (engine.lastSequence() == 0) {
      engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(PersonId.of("ana"))
          .displayName("Ana").build()));
      space = engine.execute(Viewer.system(), CreateSpace.community("Crash space"));
    } else {
      space = engine.spaces(Viewer.of("ana")).get(0).id();
    }
    for (int i = 0; ; i++) {
      String word = "crash" + run + "x" + i;
      engine.execute(Viewer.of("ana"), StartThread.question(space, "Question " + word,
          "Body of " + word));
      System.out.println("ack " + word);
      System.out.flush();
    }
  }
}
