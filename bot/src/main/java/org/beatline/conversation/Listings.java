package org.beatline.conversation;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Says a {@link Listing}: one line per upcoming meeting, per concern of the contact or per question
 * they had handed to a person, then how many more there are.
 */
final class Listings {
  static final String MEETINGS = "meetings";
  static final String CONCERNS = "concerns";
  static final String HANDOFFS = "handoffs";
  static final Set<String> KINDS = Set.of(MEETINGS, CONCERNS, HANDOFFS);

  private Listings() {}

  static void say(Run run, Listing listing) {
    int total =
        switch (listing.of()) {
          case MEETINGS -> meetings(run, listing);
          case HANDOFFS -> handoffs(run, listing);
          default -> concerns(run, listing);
        };
    if (total == 0 && listing.empty() != null) {
      run.say(listing.empty(), List.of(), false, null);
    }
    if (total > listing.limit() && listing.rest() != null) {
      run.say(listing.rest(), Map.of("n", total - listing.limit()));
    }
  }

  /** Whether the contact has anything of {@code of} ({@code concerns} or {@code handoffs}). */
  static boolean any(Run run, String of) {
    Facts f = run.turn().facts();
    return switch (of) {
      case CONCERNS -> !f.concerns().isEmpty();
      case HANDOFFS -> !f.handoffs().isEmpty();
      default -> throw new ConversationException("cannot tell whether there are any " + of);
    };
  }

  private static int meetings(Run run, Listing listing) {
    String hood = run.var("neighbourhood");
    Department d = run.department();
    List<Facts.Meeting> all =
        run.turn().facts().meetings().stream()
            .filter(m -> m.start() != null && m.start().isAfter(run.turn().now()))
            .filter(m -> kindMatches(listing.kind(), m.kind()))
            .filter(m -> m.neighbourhood() == null || Objects.equals(m.neighbourhood(), hood))
            .sorted(Comparator.comparing(Facts.Meeting::start))
            .toList();
    for (Facts.Meeting m : all.subList(0, Math.min(all.size(), listing.limit()))) {
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("title", title(m, run.language(), d.defaultLanguage()));
      args.put("start", m.start());
      args.put("place", m.place() == null ? "" : m.place());
      // The link carries the language, so the calendar entry has the title in it.
      args.put("ics", m.ics() == null ? "" : m.ics() + "?lang=" + run.language());
      run.say(listing.item(), args);
    }
    return all.size();
  }

  private static boolean kindMatches(String wanted, String kind) {
    return wanted.equals(kind) || ("meeting".equals(wanted) && "forum".equals(kind));
  }

  private static String title(Facts.Meeting m, String language, String fallback) {
    return m.titles().getOrDefault(language, m.titles().getOrDefault(fallback, ""));
  }

  /** Open concerns first, then closed ones, each newest first as the facts come. */
  private static int concerns(Run run, Listing listing) {
    Department d = run.department();
    List<Facts.Concern> all =
        run.turn().facts().concerns().stream()
            .sorted(Comparator.comparing((Facts.Concern c) -> !c.open()))
            .toList();
    for (Facts.Concern c : all.subList(0, Math.min(all.size(), listing.limit()))) {
      Map<String, Object> args = new LinkedHashMap<>();
      Neighbourhood n = d.neighbourhood(c.neighbourhood());
      args.put("reference", c.reference());
      args.put("status", c.status() == null ? "received" : c.status());
      args.put("created", c.created());
      args.put("neighbourhood", n == null ? "" : n.name(run.language(), d.defaultLanguage()));
      run.say(listing.item(), args);
      if (c.replied() != null && listing.replied() != null) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("replied", c.replied());
        reply.put("reply", c.reply() == null ? "" : c.reply());
        run.say(listing.replied(), reply);
      }
    }
    return all.size();
  }

  private static int handoffs(Run run, Listing listing) {
    List<Facts.Handoff> all = run.turn().facts().handoffs();
    for (Facts.Handoff h : all.subList(0, Math.min(all.size(), listing.limit()))) {
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("asked", h.asked());
      args.put("question", h.question() == null ? "" : h.question());
      args.put("answered", h.answered() ? "yes" : "no");
      run.say(listing.item(), args);
    }
    return all.size();
  }
}
