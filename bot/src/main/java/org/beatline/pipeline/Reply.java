package org.beatline.pipeline;

import java.util.List;
import java.util.Map;
import org.beatline.message.Outbound;

/**
 * A reply before rendering: a translation key, its arguments and the choices to offer.
 *
 * @param options choices as (translation key of the label, value sent back)
 */
public record Reply(String key, Map<String, Object> args, List<Outbound.Option> options) {
  public Reply {
    args = args == null ? Map.of() : Map.copyOf(args);
    options = options == null ? List.of() : List.copyOf(options);
  }

  public static Reply of(String key) {
    return new Reply(key, Map.of(), List.of());
  }
}
