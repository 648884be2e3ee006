package org.beatline.conversation;

import java.time.Duration;
import java.util.List;

/**
 * A survey written in {@code conversations/surveys/<id>.yaml}; the loader turns it into a flow
 * named {@code survey.<id>}.
 *
 * @param title the key of its name in the survey menu
 * @param menu whether residents can take it from the menu (post-contact surveys are by invitation)
 * @param keyword a keyword list key that starts it from anywhere, or null
 * @param intro the key said before the first question
 * @param thanks the key said after the last
 * @param expiry how long a question waits
 */
record Survey(
    String id,
    String title,
    boolean menu,
    String keyword,
    String intro,
    String thanks,
    Duration expiry,
    List<Question> questions) {

  /**
   * A question: its id in the results, its type, the key that asks it, and options for a choice.
   */
  record Question(String id, AnswerType type, String ask, List<OptionSpec> options) {}
}
