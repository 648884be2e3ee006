package org.beatline.conversation;

import java.util.List;
import java.util.Map;

/**
 * Words that work in every state ({@code MENU}, {@code LANGUAGE}, {@code STATUS}, {@code MORE}) and
 * the keywords that start a flow ({@code SURVEY}), typed as the whole message.
 */
final class Commands {
  private Commands() {}

  /** Does what a global word or keyword typed as the whole message says; false when it is none. */
  static boolean handle(Run run) {
    if (run.turn().choice() != null || !run.textFree()) {
      return false;
    }
    if (globalWord(run)) {
      return true;
    }
    String keywordFlow = run.conversations().keywordFlow(run);
    if (keywordFlow != null) {
      run.useText();
      Walker.jump(run, keywordFlow);
      return true;
    }
    return false;
  }

  private static boolean globalWord(Run run) {
    Conversations conversations = run.conversations();
    for (Settings.Global global : conversations.settings().globals()) {
      if (!Words.isOneOf(
          conversations.catalogue(), run.language(), global.words(), run.turn().text())) {
        continue;
      }
      run.useText();
      if (!global.more()) {
        Walker.jump(run, global.jump());
      } else if (run.more() == null) {
        run.say("more.none", Map.of());
      } else {
        run.say(run.more(), List.of(), false, null);
        run.more(null);
        if (!run.stack().isEmpty()) {
          Walker.prompt(run);
        }
      }
      return true;
    }
    return false;
  }
}
