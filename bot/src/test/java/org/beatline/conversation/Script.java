package org.beatline.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A flow test script ({@code flows/<flow>.<case>.yaml}) or a resident's script ({@code
 * residents/<lang>/<case>.yaml}): the starting facts, then messages with what the NLU understood of
 * them and the replies and effects expected, and what the whole journey must have come to.
 *
 * @param outcome what the journey came to, checked after the last message (see {@link Journey})
 */
record Script(
    String description,
    Instant now,
    boolean buttons,
    Map<String, Object> facts,
    List<Input> turns,
    Map<String, Object> outcome) {

  /**
   * One message and what must come of it.
   *
   * @param send the text typed
   * @param choice a button pressed
   * @param intent what the NLU understood (null: nothing; in a resident's script, ask the NLU)
   * @param language the language the NLU detected (the contact's when absent)
   * @param after time passed since the previous message
   * @param facts facts changed before this message, as the edges would load them
   * @param replies expected replies in order: a key, or {key, args, text, language}
   * @param effects expected effects in order, as their JSON fields (a subset is enough)
   * @param alarm whether the message rightly raises the safety net's alarm
   */
  record Input(
      String send,
      String choice,
      String intent,
      Double confidence,
      String language,
      Double languageConfidence,
      List<Map<String, Object>> alternatives,
      Duration after,
      Map<String, Object> facts,
      List<Object> replies,
      List<Map<String, Object>> effects,
      boolean alarm) {}
}
