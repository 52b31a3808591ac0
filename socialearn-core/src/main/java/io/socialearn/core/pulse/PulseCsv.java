package io.socialearn.core.pulse;

import io.socialearn.api.pulse.BacklogQuestion;
import io.socialearn.api.pulse.HelpCell;
import io.socialearn.api.pulse.PersonCount;
import io.socialearn.api.pulse.PulseFigures;
import io.socialearn.api.pulse.PulseReport;
import io.socialearn.api.pulse.RoutingOutcomes;
import io.socialearn.api.pulse.TopicRisk;
import io.socialearn.api.pulse.TopicTrend;
import io.socialearn.api.pulse.UnansweredTopic;
import io.socialearn.api.thread.Tag;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tables of a {@link PulseReport} as CSV (RFC 4180: comma-separated, a header row, fields
 * quoted when they hold a comma, a quote or a line break, lines ending in CRLF), for spreadsheets
 * and charting tools. An absent figure is an empty field. Thread-safe (stateless).
 */
public final class PulseCsv {
  private PulseCsv() {}

  /** The headline figures: one row per figure, with the current and previous period's values. */
  public static String figures(PulseReport report) {
    PulseFigures c = report.current();
    PulseFigures p = report.previous();
    StringBuilder out = new StringBuilder();
    row(out, "figure", "current", "previous");
    row(out, "questions", c.questions(), p.questions());
    row(out, "answered", c.answered(), p.answered());
    row(out, "answered_share", c.answeredShare(), p.answeredShare());
    row(out, "accepted", c.accepted(), p.accepted());
    row(out, "accepted_share", c.acceptedShare(), p.acceptedShare());
    row(out, "median_first_answer_minutes", c.medianFirstAnswerMinutes(),
        p.medianFirstAnswerMinutes());
    row(out, "p90_first_answer_minutes", c.p90FirstAnswerMinutes(), p.p90FirstAnswerMinutes());
    row(out, "median_accepted_answer_minutes", c.medianAcceptedAnswerMinutes(),
        p.medianAcceptedAnswerMinutes());
    row(out, "p90_accepted_answer_minutes", c.p90AcceptedAnswerMinutes(),
        p.p90AcceptedAnswerMinutes());
    row(out, "answers", c.answers(), p.answers());
    row(out, "backlog", c.backlog(), p.backlog());
    RoutingOutcomes cr = c.routing();
    RoutingOutcomes pr = p.routing();
    row(out, "routed", cr.routed(), pr.routed());
    row(out, "routed_answered", cr.answered(), pr.answered());
    row(out, "routed_answered_share", cr.answeredShare(), pr.answeredShare());
    row(out, "routed_answered_by_asked", cr.answeredByAsked(), pr.answeredByAsked());
    row(out, "routed_answered_by_asked_share", cr.answeredByAskedShare(),
        pr.answeredByAskedShare());
    row(out, "routed_accepted_from_asked", cr.acceptedFromAsked(), pr.acceptedFromAsked());
    row(out, "routed_accepted_from_asked_share", cr.acceptedFromAskedShare(),
        pr.acceptedFromAskedShare());
    row(out, "median_asked_answer_minutes", cr.medianAskedAnswerMinutes(),
        pr.medianAskedAnswerMinutes());
    row(out, "p90_asked_answer_minutes", cr.p90AskedAnswerMinutes(), pr.p90AskedAnswerMinutes());
    row(out, "asks", cr.asks(), pr.asks());
    row(out, "people_asked", cr.peopleAsked(), pr.peopleAsked());
    row(out, "asks_answered", cr.asksAnswered(), pr.asksAnswered());
    row(out, "asks_answered_share", cr.asksAnsweredShare(), pr.asksAnsweredShare());
    row(out, "active_contributors", report.contributors().active(),
        report.previousContributors().active());
    row(out, "new_contributors", report.contributors().newcomers(),
        report.previousContributors().newcomers());
    row(out, "returning_contributors", report.contributors().returning(),
        report.previousContributors().returning());
    return out.toString();
  }

  /** The unanswered backlog, oldest first. */
  public static String backlog(PulseReport report) {
    StringBuilder out = new StringBuilder();
    row(out, "thread", "space", "title", "tags", "asked_at", "waiting_minutes");
    for (BacklogQuestion b : report.backlog()) {
      row(out, b.thread().value(), b.space().value(), b.title(), tags(b.tags()), b.askedAt(),
          b.waitingMinutes());
    }
    return out.toString();
  }

  /** The trending topics. */
  public static String trendingTopics(PulseReport report) {
    StringBuilder out = new StringBuilder();
    row(out, "tag", "questions", "baseline", "rise", "ratio", "z_score");
    for (TopicTrend t : report.trendingTopics()) {
      row(out, t.tag().value(), t.questions(), t.baseline(), t.rise(), t.ratio(), t.zScore());
    }
    return out.toString();
  }

  /** The topics whose questions go unanswered most. */
  public static String unansweredTopics(PulseReport report) {
    StringBuilder out = new StringBuilder();
    row(out, "tag", "questions", "unanswered", "unanswered_share");
    for (UnansweredTopic t : report.unansweredTopics()) {
      row(out, t.tag().value(), t.questions(), t.unanswered(), t.unansweredShare());
    }
    return out.toString();
  }

  /** The help matrix as a list of cells. */
  public static String helpMatrix(PulseReport report) {
    StringBuilder out = new StringBuilder();
    row(out, "asking_unit", "answering_unit", "answers", "answerers");
    for (HelpCell cell : report.help().cells()) {
      row(out, cell.askingUnit(), cell.answeringUnit(), cell.answers(), cell.answerers());
    }
    return out.toString();
  }

  /** The top answerers the viewer may see. */
  public static String topAnswerers(PulseReport report) {
    StringBuilder out = new StringBuilder();
    row(out, "person", "answers");
    for (PersonCount p : report.contributors().topAnswerers()) {
      row(out, p.person().value(), p.count());
    }
    return out.toString();
  }

  /** The topics at risk; a hidden holder is an empty field. */
  public static String knowledgeAtRisk(PulseReport report) {
    StringBuilder out = new StringBuilder();
    row(out, "tag", "level", "accepted_answers", "bus_factor", "holder", "holder_share",
        "holder_leaving", "holder_leaving_on");
    for (TopicRisk r : report.knowledgeAtRisk()) {
      row(out, r.tag().value(), r.level(), r.acceptedAnswers(), r.busFactor(),
          r.holder() == null ? null : r.holder().value(), r.holderShare(), r.holderLeaving(),
          r.holderLeavingOn());
    }
    return out.toString();
  }

  private static String tags(List<Tag> tags) {
    return tags.stream().map(Tag::value).collect(Collectors.joining(" "));
  }

  private static void row(StringBuilder out, Object... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields[i]));
    }
    out.append("\r\n");
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = String.valueOf(value);
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
