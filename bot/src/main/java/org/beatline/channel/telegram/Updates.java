package org.beatline.channel.telegram;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.function.BiFunction;
import org.beatline.http.Requests;
import org.beatline.message.Inbound;
import org.beatline.pipeline.Pipeline;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Turns Telegram updates into inbound messages: private text messages, {@code /start <payload>}
 * deep links and button presses. Everything else (groups, edits, channel posts) is acknowledged and
 * ignored.
 */
final class Updates {
  private final Pipeline pipeline;
  private final BiFunction<String, String, Future<Void>> answerButton;

  /** An update Beatline refuses, with the HTTP status that says why. */
  static final class Rejected extends RuntimeException {
    final int status;

    Rejected(int status, String reason) {
      super(reason, null, false, false);
      this.status = status;
    }
  }

  Updates(Pipeline pipeline, BiFunction<String, String, Future<Void>> answerButton) {
    this.pipeline = pipeline;
    this.answerButton = answerButton;
  }

  Future<Void> handle(Update update) {
    String id = "u" + update.getUpdateId();
    if (update.hasCallbackQuery()) {
      return button(id, update.getCallbackQuery());
    }
    Message m = update.getMessage();
    if (m == null || m.getChat() == null || !"private".equals(m.getChat().getType())) {
      return Future.succeededFuture();
    }
    String text = m.getText() != null ? m.getText() : m.getCaption();
    text = text == null ? "" : text;
    if (Requests.tooLong(text)) {
      return Future.failedFuture(
          new Rejected(413, "text is longer than " + Requests.MAX_TEXT + " characters"));
    }
    String choice = null;
    if (text.equals("/start") || text.startsWith("/start ")) {
      // A deep link: the pipeline sees START (which also resumes a contact who had blocked us);
      // the payload travels as the choice for the conversation to act on.
      String payload = text.substring("/start".length()).strip();
      choice = payload.isEmpty() ? null : "start:" + payload;
      text = "START";
    }
    int media = m.hasPhoto() || m.hasDocument() || m.hasVoice() || m.hasVideo() ? 1 : 0;
    String lang = m.getFrom() == null ? null : m.getFrom().getLanguageCode();
    Inbound in =
        new Inbound(
            TelegramChannel.ID,
            String.valueOf(m.getChatId()),
            id,
            text,
            choice,
            media,
            lang,
            m.getDate() == null ? null : Instant.ofEpochSecond(m.getDate()));
    return pipeline.handle(in, true).mapEmpty();
  }

  private Future<Void> button(String id, CallbackQuery q) {
    // Buttons count only in private chats, as messages do; a press with nothing to act on (no
    // message, no data, no sender) is answered so the client stops waiting, and dropped.
    boolean usable =
        q.getMessage() != null
            && q.getData() != null
            && q.getFrom() != null
            && q.getMessage().getChatId() != null
            && q.getMessage().getChatId() > 0;
    if (!usable) {
      return answerButton
          .apply(q.getId(), q.getFrom() == null ? "-" : String.valueOf(q.getFrom().getId()))
          .otherwiseEmpty();
    }
    String chat = String.valueOf(q.getMessage().getChatId());
    String lang = q.getFrom() == null ? null : q.getFrom().getLanguageCode();
    Inbound in = new Inbound(TelegramChannel.ID, chat, id, "", q.getData(), 0, lang, null);
    return answerButton
        .apply(q.getId(), chat)
        .otherwiseEmpty()
        .compose(v -> pipeline.handle(in, true))
        .mapEmpty();
  }
}
