package org.beatline.conversation;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whatever a resident types as an answer (digits of any script, emoji, control characters, huge
 * numbers, half a surrogate pair), parsing it for any answer type in any language gives a value or
 * "not understood", never an exception. Runs the inputs under {@code
 * src/test/resources/org/beatline/conversation/AnswersFuzzTestInputs/} in the normal build; fuzzes
 * with {@code JAZZER_FUZZ=1}.
 */
class AnswersFuzzTest {
  static final Answers ANSWERS = new Answers(Content.CATALOGUE, Content.CONVERSATIONS.department());
  static final String[] LANGUAGES = Content.CATALOGUE.languages().toArray(new String[0]);

  @FuzzTest(maxDuration = "10m")
  void anyAnswerOfAnyType(FuzzedDataProvider data) {
    AnswerType type = data.pickValue(AnswerType.values());
    String language = data.consumeBoolean() ? data.pickValue(LANGUAGES) : data.consumeString(8);
    List<Reply.Option> options = new ArrayList<>();
    int count = data.consumeInt(0, 6);
    for (int i = 0; i < count; i++) {
      options.add(
          new Reply.Option(
              data.consumeString(16), data.consumeString(24), Map.of(), data.pickValue(LANGUAGES)));
    }
    String text = data.consumeRemainingAsString();
    ANSWERS.parse(type, text, options, language);
    Numbers.read(Content.CATALOGUE, language, text);
  }
}
