package org.beatline.conversation;

/** Decides whether a rule's {@link Condition} holds for a run. */
final class Conditions {
  private Conditions() {}

  static boolean hold(Run run, Condition c) {
    if (c.answer() != null && !c.answer().contains(run.answer())) {
      return false;
    }
    if (c.intent() != null && c.intent().stream().noneMatch(g -> matches(g, run.intent()))) {
      return false;
    }
    if (c.known() != null && run.var(c.known()) == null) {
      return false;
    }
    if (c.missing() != null && run.var(c.missing()) != null) {
      return false;
    }
    if (c.subscribed() != null && !subscribed(run, c.subscribed())) {
      return false;
    }
    if (c.vars() != null) {
      for (var e : c.vars().entrySet()) {
        if (!e.getValue().equals(run.var(e.getKey()))) {
          return false;
        }
      }
    }
    if (c.waited() != null && c.waited() != run.flowWaited()) {
      return false;
    }
    if (c.noneOf() != null && c.noneOf().stream().anyMatch(of -> Listings.any(run, of))) {
      return false;
    }
    return c.confident() == null || c.confident() == confident(run);
  }

  /** Whether an intent name matches a glob written in a flow ({@code accountability.*}). */
  static boolean matches(String glob, String intent) {
    if (intent == null) {
      return false;
    }
    return glob.endsWith(".*")
        ? intent.startsWith(glob.substring(0, glob.length() - 1))
        : glob.equals(intent);
  }

  /** Whether the message has an intent sure enough to act on, which some flow handles. */
  static boolean confident(Run run) {
    var u = run.turn().understood();
    return u != null
        && u.intent() != null
        && u.confidence() >= run.conversations().settings().confident()
        && run.conversations().route(u.intent()) != null;
  }

  private static boolean subscribed(Run run, String topic) {
    String hood = run.var("neighbourhood");
    boolean stored =
        run.turn().facts().subscriptions().stream()
            .anyMatch(s -> s.topic().equals(topic) && same(s.neighbourhood(), hood));
    for (Effect e : run.effects()) {
      if (e instanceof Effect.Subscribe s && s.topic().equals(topic)) {
        stored = true;
      } else if (e instanceof Effect.Unsubscribe u && u.topic().equals(topic)) {
        stored = false;
      }
    }
    return stored;
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }
}
