package org.beatline.conversation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One step of a flow: it says something, may wait for an answer of a type and store it, does its
 * actions (after the answer when it waits), and moves on by its rules.
 *
 * @param say lines said on entering the step; the options go with the last one
 * @param list lines said for each item of the contact's facts
 * @param more what {@code MORE} says after this step
 * @param language the language to say this step in, when not the contact's (an expression)
 * @param enter a flow entered as a sub-flow; the rules are followed when it returns
 * @param expect the type of answer to wait for, or null
 * @param options the options of a choice
 * @param optionsFrom options drawn from data: {@code surveys}, {@code alternatives}
 * @param store the variable the answer is kept in ({@code answer} always has it too)
 * @param prefill whether the message that started the flow may already be the answer
 * @param prefillFrom a value that may already be the answer (an expression, {@code $var.what})
 * @param prefillIgnores a word list of what says nothing as a prefilled text or an answer ("I want
 *     to report")
 * @param asides whether a question about something else is answered aside rather than taken as this
 *     text or place
 * @param takeOnlyOption whether a choice with a single option takes it without asking
 * @param lenient whether an unparseable answer leaves the flow quietly instead of re-asking
 * @param reask what to say when the answer is not understood (a default per type otherwise)
 * @param actions what to do
 * @param next where to go
 */
record FlowStep(
    List<Line> say,
    Listing list,
    Line more,
    String language,
    String enter,
    @JsonProperty("wait") AnswerType expect,
    List<OptionSpec> options,
    String optionsFrom,
    String store,
    boolean prefill,
    String prefillFrom,
    String prefillIgnores,
    boolean asides,
    boolean takeOnlyOption,
    boolean lenient,
    Line reask,
    @JsonProperty("do") List<Action> actions,
    List<Rule> next) {

  FlowStep {
    say = say == null ? List.of() : List.copyOf(say);
    options = options == null ? List.of() : List.copyOf(options);
    actions = actions == null ? List.of() : List.copyOf(actions);
    next = next == null ? List.of() : List.copyOf(next);
  }
}
