package org.beatline.conversation;

import java.util.ArrayList;
import java.util.Map;
import org.beatline.message.Understood;

/**
 * The conversation engine: given a contact's session and one message, it returns the new session,
 * what to say and what to do. It reads no store and sends nothing; the edges do both.
 */
public final class Engine {
  private final Conversations conversations;

  public Engine(Conversations conversations) {
    this.conversations = conversations;
  }

  /** Handles one message; {@code session} is null for a contact without a stored session. */
  public Step handle(Session session, Turn turn) {
    Settings settings = conversations.settings();
    String language = turn.facts().language();
    if (language == null) {
      language = firstLanguage(turn.understood());
    }
    boolean expired = session != null && turn.now().isAfter(session.expiresAt());
    boolean resume = expired && session.waiting() && resumes(session);
    Run run = new Run(conversations, turn, expired && !resume ? null : session, language);
    if (turn.facts().language() == null) {
      run.effect(new Effect.SetLanguage(language));
    }
    try {
      if (turn.facts().firstMessage() && session == null) {
        Walker.jump(run, settings.firstFlow());
      } else {
        if (resume) {
          run.say("session.resumed", Map.of());
        }
        dispatch(run, resume);
      }
    } catch (Run.LoopGuard e) {
      run.stack().clear();
      run.effect(new Effect.Problem(e.flow, e.step, e.getMessage()));
      run.say("error.loop", Map.of());
    }
    return run.finish();
  }

  private void dispatch(Run run, boolean resumed) {
    if (Commands.handle(run)) {
      return;
    }
    if (run.stack().isEmpty()) {
      Idle.handle(run);
    } else if (!Waiting.answer(run)) {
      Waiting.notUnderstood(run, resumed);
    }
  }

  private String firstLanguage(Understood understood) {
    Department d = conversations.department();
    boolean sure =
        understood != null
            && d.languages().contains(understood.language())
            && understood.languageConfidence() >= conversations.settings().confident();
    return sure ? understood.language() : d.defaultLanguage();
  }

  private boolean resumes(Session session) {
    var frames = new ArrayList<>(session.stack());
    Flow top = conversations.flow(frames.get(frames.size() - 1).flow());
    return top != null && top.resumes();
  }
}
