package org.beatline.conversation;

import java.util.List;
import java.util.Map;

/**
 * Something to say: a translation key with named arguments, and maybe options to choose from.
 *
 * @param key a key of the catalogue
 * @param args named arguments; dates are {@link java.time.Instant}s
 * @param options answers the resident can pick; buttons on Telegram, numbered on SMS
 * @param numbered whether SMS lists the options in the text (false when the text already says what
 *     to reply, such as "1 to 5")
 * @param language the language to say it in
 */
public record Reply(
    String key, Map<String, Object> args, List<Option> options, boolean numbered, String language) {

  public Reply {
    args = args == null ? Map.of() : Map.copyOf(args);
    options = options == null ? List.of() : List.copyOf(options);
  }

  /** A plain message with no options. */
  public static Reply of(String key, Map<String, Object> args, String language) {
    return new Reply(key, args, List.of(), false, language);
  }

  /**
   * One answer the resident can pick.
   *
   * @param value what the engine receives back when the button is pressed
   * @param label the key of its label
   * @param args arguments of the label
   * @param language the language of the label when it differs from the reply's (language names)
   */
  public record Option(String value, String label, Map<String, Object> args, String language) {
    public Option {
      args = args == null ? Map.of() : Map.copyOf(args);
    }
  }
}
