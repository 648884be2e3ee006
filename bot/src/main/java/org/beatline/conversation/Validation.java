package org.beatline.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beatline.i18n.Catalogue;

/**
 * Checks that every translation key, flow, step, action and expression that flows and surveys name
 * exists, so that a mistake fails at start with the file named, never in front of a resident.
 */
final class Validation {
  /** Keys the engine says on its own. */
  static final List<String> ENGINE_KEYS =
      List.of(
          "session.resumed",
          "answer.way_out",
          "more.none",
          "error.loop",
          "answer.yes",
          "answer.no",
          "answer.scale.option",
          "neighbourhood.option",
          "language.name",
          "options.line",
          "options.prompt",
          "survey.declined",
          Flow.BACK,
          Flow.STAY,
          SurveyFlows.BACK,
          SurveyFlows.STAY);

  /** Word lists the engine reads answers and places with. */
  static final List<String> ENGINE_WORDS =
      List.of(
          "keywords.yes",
          "keywords.no",
          "words.place.street",
          "words.place.street_first",
          "words.place.not_a_name");

  private final Conversations conv;
  private final Catalogue catalogue;
  private final List<String> problems = new ArrayList<>();

  private Validation(Conversations conv) {
    this.conv = conv;
    this.catalogue = conv.catalogue();
  }

  static void check(Conversations conv) {
    Validation v = new Validation(conv);
    v.engine();
    conv.flows().forEach(v::flow);
    if (!v.problems.isEmpty()) {
      throw new ConversationException(String.join("\n", v.problems));
    }
  }

  private void engine() {
    Settings s = conv.settings();
    for (String language : conv.department().languages()) {
      if (!catalogue.supports(language)) {
        problems.add(
            "department.yaml: language '"
                + language
                + "' has no translations/"
                + language
                + ".yaml");
      }
    }
    for (String key : ENGINE_KEYS) {
      key("engine.yaml", key);
    }
    for (String flow :
        List.of(
            s.firstFlow(),
            s.fallbackFlow(),
            s.clarifyFlow(),
            s.offerFlow(),
            s.leaveFlow(),
            s.bareFlow())) {
      flowRef("engine.yaml", flow);
    }
    for (Settings.Global g : s.globals()) {
      words("engine.yaml", g.words());
      if (!g.more()) {
        flowRef("engine.yaml", g.jump());
      }
    }
    for (AnswerType type : AnswerType.values()) {
      key("engine.yaml", "answer.reask." + type.yamlName());
    }
    for (String list : ENGINE_WORDS) {
      words("engine.yaml", list);
    }
    for (Survey survey : conv.surveys()) {
      String file = "surveys/" + survey.id() + ".yaml";
      key(file, survey.title());
      if (survey.keyword() != null) {
        words(file, survey.keyword());
      }
      sameQuestions(file, survey);
    }
  }

  private void flow(Flow flow) {
    String file = file(flow);
    if (flow.steps() == null || flow.steps().isEmpty()) {
      problems.add(file + ": has no steps");
      return;
    }
    if (flow.step(flow.start()) == null) {
      problems.add(file + ": start step '" + flow.start() + "' does not exist");
    }
    for (String intent : flow.triggers().intents()) {
      if (!intent.endsWith(".*")) {
        key(file, "intent." + intent);
      }
    }
    flow.triggers().keywords().forEach(k -> words(file, k));
    key(file, flow.back());
    key(file, flow.stay());
    flow.steps().forEach((name, step) -> step(file + ": step '" + name + "'", flow, step));
  }

  private void step(String where, Flow flow, FlowStep step) {
    step.say().forEach(line -> line(where, line));
    if (step.more() != null) {
      line(where, step.more());
    }
    if (step.reask() != null) {
      line(where, step.reask());
    }
    if (step.list() != null) {
      Listing l = step.list();
      if (!Listings.KINDS.contains(l.of())) {
        problems.add(where + ": cannot list '" + l.of() + "'");
      }
      key(where, l.item());
      if (l.replied() != null) {
        key(where, l.replied());
      }
      if (l.rest() != null) {
        key(where, l.rest());
      }
      if (l.empty() != null) {
        line(where, l.empty());
      }
    }
    expression(where, step.language());
    if (step.enter() != null) {
      flowRef(where, step.enter());
      if (step.expect() != null) {
        problems.add(where + ": a step cannot both enter a flow and wait");
      }
    }
    if (step.expect() == AnswerType.CHOICE
        && step.options().isEmpty()
        && step.optionsFrom() == null) {
      problems.add(where + ": a choice needs options");
    }
    if (step.optionsFrom() != null
        && !Set.of(Options.SURVEYS, Options.ALTERNATIVES, Options.LEAVE)
            .contains(step.optionsFrom())) {
      problems.add(where + ": unknown options_from '" + step.optionsFrom() + "'");
    }
    expression(where, step.prefillFrom());
    if (step.prefillIgnores() != null) {
      words(where, step.prefillIgnores());
    }
    for (OptionSpec o : step.options()) {
      key(where, o.label());
      o.words().forEach(w -> words(where + " option '" + o.value() + "'", w));
      if (o.yesNo() != null && !Set.of("yes", "no").contains(o.yesNo())) {
        problems.add(where + ": option '" + o.value() + "' has yes_no '" + o.yesNo() + "'");
      }
      o.args().values().forEach(v -> expression(where, v));
    }
    for (Action a : step.actions()) {
      action(where, a);
    }
    for (Rule r : step.next()) {
      rule(where, flow, r);
    }
  }

  private void action(String where, Action a) {
    if (!"set".equals(a.type())) {
      Set<String> allowed = Actions.PARAMS.get(a.type());
      if (allowed == null) {
        problems.add(where + ": unknown action '" + a.type() + "'");
        return;
      }
      for (String p : a.params().keySet()) {
        if (!allowed.contains(p)) {
          problems.add(where + ": action '" + a.type() + "' has no parameter '" + p + "'");
        }
      }
    }
    a.params().values().forEach(v -> expression(where, v));
  }

  private void rule(String where, Flow flow, Rule r) {
    int targets =
        (r.go() == null ? 0 : 1)
            + (r.jump() == null ? 0 : 1)
            + (r.route() == null ? 0 : 1)
            + (r.actOn() == null ? 0 : 1);
    if (targets != 1) {
      problems.add(where + ": a rule needs exactly one of go, jump, route, act_on");
    }
    if (r.when().noneOf() != null) {
      r.when().noneOf().stream()
          .filter(of -> !Set.of(Listings.CONCERNS, Listings.HANDOFFS).contains(of))
          .forEach(of -> problems.add(where + ": none_of can only name concerns, handoffs"));
    }
    if (r.actOn() != null && !Rule.MESSAGE.equals(r.actOn())) {
      problems.add(where + ": act_on can only be 'message'");
    }
    if (r.go() != null && !Rule.END.equals(r.go()) && flow.step(r.go()) == null) {
      problems.add(where + ": goes to unknown step '" + r.go() + "'");
    }
    if (r.jump() != null && !r.jump().startsWith("$")) {
      flowRef(where, r.jump());
    }
    if ("$answer".equals(r.jump())) {
      // A menu jumps to the flow its chosen option names.
      flow.steps().values().stream()
          .filter(s -> s.next().contains(r))
          .flatMap(s -> s.options().stream())
          .forEach(o -> flowRef(where, o.value()));
    }
    expression(where, r.jump());
    expression(where, r.route());
    if (r.route() != null && !r.route().startsWith("$") && conv.route(r.route()) == null) {
      problems.add(where + ": no flow handles intent '" + r.route() + "'");
    }
  }

  private void line(String where, Line line) {
    key(where, line.key());
    for (Map.Entry<String, Object> arg : line.args().entrySet()) {
      expression(where + " argument '" + arg.getKey() + "'", arg.getValue());
    }
  }

  private void expression(String where, Object expression) {
    String problem = Expressions.problem(expression);
    if (problem == null && expression instanceof String s && s.startsWith("$dept.")) {
      if (conv.department().fact(s.substring(6)) == null) {
        // A fact written per language needs the default language's value, the fallback.
        problem = "department.yaml has no " + s.substring(6) + " in the default language";
      }
    }
    if (problem != null) {
      problems.add(where + ": " + problem);
    }
  }

  private void key(String where, String key) {
    if (key == null || !catalogue.has(key)) {
      problems.add(where + ": unknown translation key '" + key + "'");
    }
  }

  /**
   * A question id asked in several variants must be the same kind of question each time, so that
   * its answers can be added up.
   */
  private void sameQuestions(String file, Survey survey) {
    Map<String, String> kinds = new java.util.HashMap<>();
    List<String> variants = new ArrayList<>();
    variants.add(null);
    variants.addAll(new java.util.TreeSet<>(survey.variants().keySet()));
    for (String variant : variants) {
      for (Survey.Question q : survey.questions(variant)) {
        if (q.id() == null || q.type() == null || q.ask() == null) {
          problems.add(
              file
                  + ": question '"
                  + q.id()
                  + "'"
                  + (variant == null ? "" : " of variant " + variant)
                  + " needs an id, a type and an ask");
          continue;
        }
        String kind =
            q.type()
                + (q.options() == null
                    ? ""
                    : q.options().stream().map(OptionSpec::value).toList().toString());
        String before = kinds.putIfAbsent(q.id(), kind);
        if (before != null && !before.equals(kind)) {
          problems.add(
              file
                  + ": question '"
                  + q.id()
                  + "' of variant "
                  + variant
                  + " is not the same kind of question as the other '"
                  + q.id()
                  + "'; give it an id of its own");
        }
      }
    }
  }

  private void words(String where, String key) {
    if (catalogue.words(catalogue.defaultLanguage(), key).isEmpty()) {
      problems.add(where + ": no word list '" + key + "' in the catalogue");
    }
  }

  private void flowRef(String where, String id) {
    if (id == null || !conv.hasFlow(id)) {
      problems.add(where + ": unknown flow '" + id + "'");
    }
  }

  private String file(Flow flow) {
    for (Survey survey : conv.surveys()) {
      for (String variant : survey.variants().keySet()) {
        if (flow.id().equals(SurveyFlows.flowId(survey.id(), variant))) {
          return "surveys/" + survey.id() + ".yaml, variant " + variant;
        }
      }
    }
    return flow.id().startsWith("survey.")
        ? "surveys/" + flow.id().substring(7) + ".yaml"
        : "flows/" + flow.id() + ".yaml";
  }
}
