package org.beatline.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beatline.i18n.Renderer;

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
  public static Rendered render(Renderer renderer, Reply reply, String language, boolean buttons) {
    String lang = reply.language() == null ? language : reply.language();
    String text = renderer.text(lang, reply.key(), reply.args());
    List<Button> out = new ArrayList<>();
    StringBuilder lines = new StringBuilder(text);
    int n = 1;
    for (Reply.Option option : reply.options()) {
      String labelLanguage = option.language() == null ? lang : option.language();
      String label = renderer.text(labelLanguage, option.label(), option.args());
      if (buttons) {
        out.add(new Button(label, option.value()));
      } else if (reply.numbered()) {
        lines
            .append('\n')
            .append(renderer.text(lang, "options.line", Map.of("n", n, "label", label)));
      }
      n++;
    }
    return new Rendered(buttons ? text : lines.toString(), out);
  }
}
