package org.beatline.i18n;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every message rendered with hostile arguments (ICU syntax and quotes inside values, bidi
 * controls, huge or negative numbers, NaN, dates far away, missing or extra arguments, nulls) in
 * any language, known or not, gives text and never an exception. Runs the inputs under {@code
 * src/test/resources/org/beatline/i18n/RendererFuzzTestInputs/} in the normal build; fuzzes with
 * {@code JAZZER_FUZZ=1}.
 */
class RendererFuzzTest {
  static final Catalogue CATALOGUE =
      Catalogue.load(
          org.beatline.config.Content.folder(null, "translations"), "en", "America/Chicago");
  static final Renderer RENDERER =
      new Renderer(CATALOGUE, Map.of("department", Map.of("name", "Riverside Police")));
  static final String[] LANGUAGES = CATALOGUE.languages().toArray(new String[0]);
  static final String[] KEYS = keys();
  static final String[] NAMES = {
    "count",
    "name",
    "reference",
    "date",
    "when",
    "place",
    "officer",
    "text",
    "neighbourhood",
    "link",
    "number",
    "hours",
    "days",
    "n",
    "title",
    "label"
  };

  static String[] keys() {
    List<String> all =
        CATALOGUE.entries("en").entrySet().stream()
            .filter(e -> e.getValue() instanceof String)
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    return all.toArray(new String[0]);
  }

  @FuzzTest(maxDuration = "10m")
  void anyMessageWithAnyArguments(FuzzedDataProvider data) {
    String language = data.consumeBoolean() ? data.pickValue(LANGUAGES) : data.consumeString(10);
    // Keys come from code and flows, checked at startup; residents reach only the arguments.
    String key = data.pickValue(KEYS);
    Map<String, Object> args = new HashMap<>();
    int count = data.consumeInt(0, 8);
    for (int i = 0; i < count; i++) {
      String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(12);
      args.put(name, value(data));
    }
    String text = RENDERER.text(language, key, args);
    if (text == null) {
      throw new AssertionError("no text for " + key);
    }
  }

  private static Object value(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 8)) {
      case 0 -> data.consumeString(200);
      case 1 -> data.consumeLong();
      case 2 -> data.consumeDouble();
      case 3 -> new BigDecimal(data.consumeLong()).scaleByPowerOfTen(data.consumeInt(-40, 40));
      case 4 -> Instant.ofEpochSecond(data.consumeLong(-62_000_000_000L, 250_000_000_000L));
      case 5 -> new Date(data.consumeLong());
      case 6 -> List.of(data.consumeString(20), data.consumeInt());
      case 7 -> Map.of("x", data.consumeString(20));
      default ->
          "{0} {count, plural, one {#} other {'#}}} '{' \u202e\u2066" + data.consumeString(20);
    };
  }
}
