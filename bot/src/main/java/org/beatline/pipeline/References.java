package org.beatline.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beatline.conversation.Effect;
import org.beatline.conversation.Facts;
import org.beatline.conversation.Reply;
import org.beatline.conversation.Step;

/** Puts a drawn concern reference where the engine wrote {@link Facts#NEW_REFERENCE}. */
final class References {
  private References() {}

  static Step fill(Step step, String reference) {
    List<Effect> effects = new ArrayList<>();
    for (Effect e : step.effects()) {
      effects.add(
          e instanceof Effect.CreateConcern c && Facts.NEW_REFERENCE.equals(c.reference())
              ? new Effect.CreateConcern(
                  reference,
                  c.what(),
                  c.where(),
                  c.neighbourhood(),
                  c.contactPreference(),
                  c.contactDetail(),
                  c.language(),
                  c.category())
              : e);
    }
    List<Reply> replies = new ArrayList<>();
    for (Reply r : step.replies()) {
      Map<String, Object> args = new LinkedHashMap<>(r.args());
      args.replaceAll(
          (k, v) -> v instanceof String s ? s.replace(Facts.NEW_REFERENCE, reference) : v);
      replies.add(new Reply(r.key(), args, r.options(), r.numbered(), r.language()));
    }
    return new Step(step.session(), replies, effects, step.outcomes());
  }
}
