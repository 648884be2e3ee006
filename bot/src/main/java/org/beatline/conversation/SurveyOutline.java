package org.beatline.conversation;

import java.util.List;

/**
 * A survey as staff read its results: its questions in order, each with its answer type and the
 * keys of its wording, without the flow around them.
 *
 * @param title the key of its name
 * @param menu whether residents take it from the menu; post-contact surveys go by invitation
 */
public record SurveyOutline(String id, String title, boolean menu, List<Question> questions) {

  /**
   * One question.
   *
   * @param type {@code scale}, {@code yes_no}, {@code choice}, {@code text} …
   * @param ask the key of its wording
   * @param options the values a choice is stored as, with the keys of their labels
   */
  public record Question(String id, String type, String ask, List<Option> options) {}

  /** A choice's stored value and the key of its label. */
  public record Option(String value, String label) {}

  static SurveyOutline of(Survey s) {
    return new SurveyOutline(
        s.id(),
        s.title(),
        s.menu(),
        s.questions().stream()
            .map(
                q ->
                    new Question(
                        q.id(),
                        q.type().name().toLowerCase(java.util.Locale.ROOT),
                        q.ask(),
                        q.options() == null
                            ? List.of()
                            : q.options().stream()
                                .map(o -> new Option(o.value(), o.label()))
                                .toList()))
            .toList());
  }
}
