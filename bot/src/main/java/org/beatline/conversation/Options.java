package org.beatline.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options a waiting step offers: written ones for a choice, drawn from data ({@code surveys},
 * {@code alternatives}), or implied by the answer type (yes/no, 1 to 5, neighbourhoods, languages).
 */
final class Options {
  static final String SURVEYS = "surveys";
  static final String ALTERNATIVES = "alternatives";
  static final String LEAVE = "leave";
  static final String STAY = "stay";

  /**
   * What else residents write for an option: catalogue word lists, and whether a bare yes or no
   * picks it.
   */
  record Words(List<String> lists, String yesNo) {}

  private Options() {}

  static List<Reply.Option> of(Run run, FlowStep step, String lang) {
    if (step.expect() == null) {
      return List.of();
    }
    List<Reply.Option> out = new ArrayList<>();
    switch (step.expect()) {
      case CHOICE -> {
        if (SURVEYS.equals(step.optionsFrom())) {
          for (Survey s : run.conversations().surveys()) {
            if (s.menu()) {
              out.add(new Reply.Option(SurveyFlows.flowId(s.id()), s.title(), null, null));
            }
          }
        } else if (ALTERNATIVES.equals(step.optionsFrom())) {
          for (String name : List.of("alternative_1", "alternative_2")) {
            String intent = run.var(name);
            if (intent != null) {
              out.add(new Reply.Option(intent, "intent." + intent, null, null));
            }
          }
        }
        if (LEAVE.equals(step.optionsFrom())) {
          String intent = run.var("leave_intent");
          out.add(new Reply.Option(intent, "intent." + intent, null, null));
          out.add(new Reply.Option(STAY, below(run).stay(), null, null));
        }
        for (OptionSpec spec : step.options()) {
          Map<String, Object> args = new java.util.LinkedHashMap<>();
          spec.args().forEach((k, v) -> args.put(k, Expressions.resolve(v, run)));
          out.add(new Reply.Option(spec.value(), spec.label(), args, null));
        }
      }
      case YES_NO -> {
        out.add(new Reply.Option("yes", "answer.yes", null, null));
        out.add(new Reply.Option("no", "answer.no", null, null));
      }
      case SCALE -> {
        for (int n = 1; n <= 5; n++) {
          out.add(new Reply.Option(String.valueOf(n), "answer.scale.option", Map.of("n", n), null));
        }
      }
      case NEIGHBOURHOOD -> {
        Department d = run.department();
        String language = lang == null ? run.language() : lang;
        for (Neighbourhood n : d.neighbourhoods()) {
          Map<String, Object> args = Map.of("name", n.name(language, d.defaultLanguage()));
          out.add(new Reply.Option(n.id(), "neighbourhood.option", args, null));
        }
      }
      case LANGUAGE -> {
        for (String code : run.department().languages()) {
          out.add(new Reply.Option(code, "language.name", null, code));
        }
      }
      default -> {}
    }
    return out;
  }

  /** What else residents write for each option of a choice, by option value. */
  static Map<String, Words> words(Run run, FlowStep step) {
    Map<String, Words> out = new java.util.HashMap<>();
    if (step.expect() != AnswerType.CHOICE) {
      return out;
    }
    for (OptionSpec spec : step.options()) {
      out.put(spec.value(), new Words(spec.words(), spec.yesNo()));
    }
    if (ALTERNATIVES.equals(step.optionsFrom()) && run.var("alternative_1") != null) {
      // "Did you mean X?" answered yes means the likeliest.
      out.put(run.var("alternative_1"), new Words(List.of(), "yes"));
    }
    if (LEAVE.equals(step.optionsFrom()) && run.var("leave_intent") != null) {
      out.put(run.var("leave_intent"), new Words(List.of(), "yes"));
      out.put(STAY, new Words(List.of(), "no"));
    }
    return out;
  }

  /** The flow under the one on top: the journey a question was asked on top of. */
  private static Flow below(Run run) {
    var stack = run.stack();
    return run.conversations().flow(stack.get(Math.max(0, stack.size() - 2)).flow());
  }

  /** Whether SMS lists the options; a 1 to 5 question already says what to reply. */
  static boolean numbered(FlowStep step) {
    return step.expect() != AnswerType.SCALE;
  }
}
