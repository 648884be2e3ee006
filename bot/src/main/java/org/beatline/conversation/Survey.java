package org.beatline.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A survey written in {@code conversations/surveys/<id>.yaml}; the loader turns it into a flow
 * named {@code survey.<id>}, and each of its variants into {@code survey.<id>.<variant>}.
 *
 * @param title the key of its name in the survey menu
 * @param menu whether residents can take it from the menu (post-contact surveys are by invitation)
 * @param keyword a keyword list key that starts it from anywhere, or null
 * @param intro the key said before the first question
 * @param thanks the key said after the last
 * @param expiry how long a question waits
 * @param questions the questions asked when no variant applies
 * @param variants other question lists by the invitation's contact type ({@code crash}); their
 *     answers are recorded under the survey's id, so a question asked in several variants (same id)
 *     adds up across them
 */
record Survey(
    String id,
    String title,
    boolean menu,
    String keyword,
    String intro,
    String thanks,
    Duration expiry,
    List<Question> questions,
    Map<String, Variant> variants) {

  Survey {
    questions = questions == null ? List.of() : List.copyOf(questions);
    variants = variants == null ? Map.of() : Map.copyOf(variants);
  }

  /**
   * A question: its id in the results, its type, the key that asks it, and options for a choice.
   */
  record Question(String id, AnswerType type, String ask, List<OptionSpec> options) {}

  /**
   * The questions asked after one kind of contact. A question that names only the id of one of the
   * survey's own questions is that question; one that also gives {@code ask} asks it in other
   * words.
   */
  record Variant(List<Question> questions) {
    Variant {
      questions = questions == null ? List.of() : List.copyOf(questions);
    }
  }

  /** The questions of a variant, each completed from the survey's question of the same id. */
  List<Question> questions(String variant) {
    Variant v = variant == null ? null : variants.get(variant);
    if (v == null) {
      return questions;
    }
    List<Question> out = new ArrayList<>();
    for (Question q : v.questions()) {
      Question base =
          questions.stream().filter(b -> b.id().equals(q.id())).findFirst().orElse(null);
      out.add(
          base == null
              ? q
              : new Question(
                  q.id(),
                  q.type() != null ? q.type() : base.type(),
                  q.ask() != null ? q.ask() : base.ask(),
                  q.options() != null ? q.options() : base.options()));
    }
    return out;
  }
}
