package org.beatline.conversation;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Says a {@link Listing}: one line per upcoming meeting or per concern of the contact. */
final class Listings {
  static final String MEETINGS = "meetings";
  static final String CONCERNS = "concerns";

  private Listings() {}

  static void say(Run run, Listing listing) {
    List<Map<String, Object>> items =
        MEETINGS.equals(listing.of()) ? meetings(run, listing) : concerns(run, listing);
    if (items.isEmpty()) {
      run.say(listing.empty(), List.of(), false, null);
    }
    for (Map<String, Object> args : items) {
      run.say(listing.item(), args);
    }
  }

  private static List<Map<String, Object>> meetings(Run run, Listing listing) {
    String hood = run.var("neighbourhood");
    Department d = run.department();
    return run.turn().facts().meetings().stream()
        .filter(m -> m.start() != null && m.start().isAfter(run.turn().now()))
        .filter(m -> kindMatches(listing.kind(), m.kind()))
        .filter(m -> m.neighbourhood() == null || Objects.equals(m.neighbourhood(), hood))
        .sorted(Comparator.comparing(Facts.Meeting::start))
        .limit(listing.limit())
        .map(
            m -> {
              Map<String, Object> args = new LinkedHashMap<>();
              args.put("title", title(m, run.language(), d.defaultLanguage()));
              args.put("start", m.start());
              args.put("place", m.place() == null ? "" : m.place());
              // The link carries the language, so the calendar entry has the title in it.
              args.put("ics", m.ics() == null ? "" : m.ics() + "?lang=" + run.language());
              return args;
            })
        .toList();
  }

  private static boolean kindMatches(String wanted, String kind) {
    return wanted.equals(kind) || ("meeting".equals(wanted) && "forum".equals(kind));
  }

  private static String title(Facts.Meeting m, String language, String fallback) {
    return m.titles().getOrDefault(language, m.titles().getOrDefault(fallback, ""));
  }

  private static List<Map<String, Object>> concerns(Run run, Listing listing) {
    Department d = run.department();
    return run.turn().facts().concerns().stream()
        .limit(listing.limit())
        .map(
            c -> {
              Map<String, Object> args = new LinkedHashMap<>();
              Neighbourhood n = d.neighbourhood(c.neighbourhood());
              args.put("reference", c.reference());
              args.put("status", c.status() == null ? "received" : c.status());
              args.put("created", c.created());
              args.put(
                  "neighbourhood", n == null ? "" : n.name(run.language(), d.defaultLanguage()));
              return args;
            })
        .toList();
  }
}
