package org.beatline.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beatline.i18n.Catalogue;

/**
 * Turns a {@link Reply} into what a channel sends: on SMS the options are numbered in the text, on
 * Telegram they become buttons. Both come from the same reply.
 */
public final class Replies {
  private Replies() {}

  /** A rendered reply: the text and, for channels with buttons, the buttons. */
  public record Rendered(String text, List<Button> buttons) {}

  /** A button: what it shows and the value the channel sends back as {@link Turn#choice()}. */
  public record Button(String label, String value) {}

  /**
   * Renders {@code reply} in its own language, or in {@code language} when it has none.
   *
   * @param buttons whether the channel shows buttons
   */
  public static Rendered render(
      Catalogue catalogue, Reply reply, String language, boolean buttons) {
    String lang = reply.language() == null ? language : reply.language();
    String text = catalogue.render(lang, reply.key(), icu(reply.args()));
    List<Button> out = new ArrayList<>();
    StringBuilder lines = new StringBuilder(text);
    int n = 1;
    for (Reply.Option option : reply.options()) {
      String labelLanguage = option.language() == null ? lang : option.language();
      String label = catalogue.render(labelLanguage, option.label(), icu(option.args()));
      if (buttons) {
        out.add(new Button(label, option.value()));
      } else if (reply.numbered()) {
        lines
            .append('\n')
            .append(catalogue.render(lang, "options.line", Map.of("n", n, "label", label)));
      }
      n++;
    }
    return new Rendered(sms(buttons ? text : lines.toString()), out);
  }

  /** ICU puts narrow no-break spaces in times ("6:30 PM"); a plain space keeps SMS in GSM-7. */
  private static String sms(String text) {
    return text.replace('\u202F', ' ').replace('\u00A0', ' ');
  }

  /** ICU formats dates from {@link Date}, so instants are handed over as dates. */
  private static Map<String, Object> icu(Map<String, Object> args) {
    Map<String, Object> out = new LinkedHashMap<>();
    args.forEach((k, v) -> out.put(k, v instanceof Instant i ? Date.from(i) : v));
    return out;
  }
}
