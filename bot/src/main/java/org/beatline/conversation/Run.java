package org.beatline.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The working state of one turn: it walks flows step by step, collecting replies and effects, and
 * at the end becomes the {@link Step} the engine returns.
 */
final class Run {
  private final Conversations conversations;
  private final Turn turn;
  private final List<Session.Frame> stack = new ArrayList<>();
  private final Map<String, String> vars = new HashMap<>();
  private final Set<String> offered = new LinkedHashSet<>();
  private final List<Reply> replies = new ArrayList<>();
  private final List<Effect> effects = new ArrayList<>();
  private final java.util.EnumSet<Step.Outcome> outcomes =
      java.util.EnumSet.noneOf(Step.Outcome.class);
  private final boolean flowWaited;
  private String language;
  private String intent;
  private String answer;
  private Line more;
  private int retries;
  private int steps;
  private int asideDepth;
  private boolean textUsed;

  Run(Conversations conversations, Turn turn, Session session, String language) {
    this.conversations = conversations;
    this.turn = turn;
    this.language = language;
    var u = turn.understood();
    // A guess below the threshold must not steer rules; only a confident intent does.
    this.intent =
        u == null || u.confidence() < conversations.settings().confident() ? null : u.intent();
    this.flowWaited = session != null && !session.stack().isEmpty();
    if (session != null) {
      stack.addAll(session.stack());
      vars.putAll(session.vars());
      offered.addAll(session.offered());
      more = session.more();
      retries = session.retries();
    }
    if (turn.facts().neighbourhood() != null) {
      vars.put("neighbourhood", turn.facts().neighbourhood());
    }
  }

  Conversations conversations() {
    return conversations;
  }

  Department department() {
    return conversations.department();
  }

  Turn turn() {
    return turn;
  }

  /** Whether a journey was waiting for an answer when the message came. */
  boolean flowWaited() {
    return flowWaited;
  }

  String language() {
    return language;
  }

  void language(String language) {
    this.language = language;
  }

  String intent() {
    return intent;
  }

  void intent(String intent) {
    this.intent = intent;
  }

  String answer() {
    return answer;
  }

  void answer(String answer) {
    this.answer = answer;
    vars.put("answer", answer);
  }

  String var(String name) {
    return vars.get(name);
  }

  void var(String name, String value) {
    if (value == null || value.isEmpty()) {
      vars.remove(name);
    } else {
      vars.put(name, value);
    }
  }

  List<Session.Frame> stack() {
    return stack;
  }

  Set<String> offered() {
    return offered;
  }

  Line more() {
    return more;
  }

  void more(Line more) {
    this.more = more;
  }

  int retries() {
    return retries;
  }

  void retries(int retries) {
    this.retries = retries;
  }

  /** While an aside runs, the depth of the stack under it; 0 otherwise. */
  int asideDepth() {
    return asideDepth;
  }

  void asideDepth(int depth) {
    this.asideDepth = depth;
  }

  List<Effect> effects() {
    return effects;
  }

  void effect(Effect effect) {
    effects.add(effect);
  }

  /** Notes what the turn amounted to. */
  void outcome(Step.Outcome outcome) {
    outcomes.add(outcome);
  }

  /** Whether the message text is still unused, so a step may take it as its answer. */
  boolean textFree() {
    return !textUsed && !turn.text().isBlank();
  }

  /**
   * Marks the text as taken (an answer, a keyword): what the NLU guessed of it no longer applies.
   */
  void useText() {
    textUsed = true;
    intent = null;
  }

  /** Counts a step against the loop guard. */
  void count(String flow, String step) {
    if (++steps > conversations.settings().maxSteps()
        || stack.size() > conversations.settings().maxDepth()) {
      throw new LoopGuard(flow, step);
    }
  }

  /** Says a line in {@code lang} (the contact's language when null) with options. */
  void say(Line line, List<Reply.Option> options, boolean numbered, String lang) {
    Map<String, Object> args = new LinkedHashMap<>();
    line.args().forEach((k, v) -> args.put(k, orEmpty(Expressions.resolve(v, this))));
    replies.add(new Reply(line.key(), args, options, numbered, lang == null ? language : lang));
  }

  void say(String key, Map<String, Object> args) {
    replies.add(Reply.of(key, args, language));
  }

  private static Object orEmpty(Object value) {
    return value == null ? "" : value;
  }

  /** The step to store: the session with its expiry, the replies and the effects. */
  Step finish() {
    Instant now = turn.now();
    Flow top = stack.isEmpty() ? null : conversations.flow(stack.get(stack.size() - 1).flow());
    Instant expires = now.plus(top == null ? java.time.Duration.ofHours(24) : top.expiry());
    Instant keep =
        top != null && top.resumes()
            ? expires.plus(conversations.settings().resumeWindow())
            : expires;
    vars.remove("answer");
    if (top == null || !top.id().equals(conversations.settings().clarifyFlow())) {
      vars.remove(Idle.UNCLEAR);
    }
    Session session = new Session(stack, vars, retries, more, offered, expires, keep);
    if (stack.isEmpty() && (flowWaited || !replies.isEmpty())) {
      outcomes.add(Step.Outcome.FLOW_FINISHED);
    }
    return new Step(session, replies, effects, outcomes);
  }

  /** Thrown when a flow runs too many steps for one message. */
  static final class LoopGuard extends RuntimeException {
    final String flow;
    final String step;

    LoopGuard(String flow, String step) {
      super("loop guard stopped " + flow + "/" + step, null, false, false);
      this.flow = flow;
      this.step = step;
    }
  }
}
