package io.socialearn.harness.eval;

import io.socialearn.api.expertise.ExpertiseMix;
import io.socialearn.api.expertise.KnownAnswer;
import io.socialearn.core.ExpertiseMixLearner;
import io.socialearn.harness.Args;
import io.socialearn.harness.JsonSummary;
import io.socialearn.harness.Subcommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code eval mix --features FILE[,FILE...]}: the who-knows mix {@link ExpertiseMixLearner}
 * learns from the training periods of one or more communities, pooled: the queries each features
 * file of {@code eval experts --features} says were known when its test period began. It is what
 * a community with no accepts of its own yet could start from; prints it as JSON and in the form
 * {@code eval experts --mix} takes, so that a mix learned on some communities can be tried on
 * another with {@code --learn false}. Not thread-safe.
 */
public final class MixEval implements Subcommand {

  @Override
  public void run(Args args, PrintStream out, PrintStream err) throws IOException {
    String files = args.required("features");
    args.done();
    List<KnownAnswer> known = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String name : files.split(",")) {
      Path file = Path.of(name.strip());
      ValidationEval.Site site = ValidationEval.Site.read(file);
      List<KnownAnswer> before = site.known().subList(0, site.knownAtTestStart());
      err.println("mix: " + file + ": " + before.size() + " queries known when its test period "
          + "began");
      known.addAll(before);
      names.add(file.toString());
    }
    ExpertiseMix mix = ExpertiseMixLearner.learn(known);
    String arg = ExpertiseMix.SIGNALS.stream()
        .map(s -> s + "=" + String.format(Locale.ROOT, "%.4f", mix.asMap().get(s)))
        .collect(Collectors.joining(","));
    new JsonSummary().put("features", names).put("queries", known.size())
        .put("mix", mix.asMap()).put("mixArg", arg).print(out);
  }
}
