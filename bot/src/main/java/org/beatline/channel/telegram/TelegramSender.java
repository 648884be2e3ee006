package org.beatline.channel.telegram;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.beatline.message.Outbound;
import org.beatline.message.SendFailure;
import org.beatline.message.Sender;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends through the Bot API with telegrambots' client: choices become inline buttons. A 429 is
 * retried after Telegram's {@code retry_after}; 403 (bot blocked, user deactivated) opts out.
 */
final class TelegramSender implements Sender {
  private static final int TELEGRAM_MAX = 4096;
  private final Vertx vertx;
  private final TelegramClient client;

  TelegramSender(Vertx vertx, TelegramClient client) {
    this.vertx = vertx;
    this.client = client;
  }

  @Override
  public String channel() {
    return TelegramChannel.ID;
  }

  @Override
  public List<String> split(Outbound m) {
    if (m.text().length() <= TELEGRAM_MAX) {
      return List.of(m.text());
    }
    return List.of(m.text().substring(0, TELEGRAM_MAX - 1) + "…");
  }

  @Override
  public Future<String> send(Outbound m) {
    SendMessage.SendMessageBuilder<?, ?> msg =
        SendMessage.builder().chatId(m.address()).text(m.text());
    if (!m.options().isEmpty()) {
      List<InlineKeyboardRow> rows =
          m.options().stream()
              .map(
                  o ->
                      new InlineKeyboardRow(
                          InlineKeyboardButton.builder()
                              .text(o.label())
                              .callbackData(o.value())
                              .build()))
              .toList();
      msg.replyMarkup(new InlineKeyboardMarkup(rows));
    }
    try {
      return Future.fromCompletionStage(
              client.executeAsync(msg.build()), vertx.getOrCreateContext())
          .map(sent -> String.valueOf(sent.getMessageId()))
          .recover(e -> Future.failedFuture(classify(e)));
    } catch (TelegramApiException e) {
      return Future.failedFuture(classify(e));
    }
  }

  /** Answers a button press so the client stops showing its spinner; best effort. */
  Future<Void> answer(String callbackQueryId) {
    try {
      return Future.fromCompletionStage(
              client.executeAsync(new AnswerCallbackQuery(callbackQueryId)),
              vertx.getOrCreateContext())
          .mapEmpty();
    } catch (TelegramApiException e) {
      return Future.failedFuture(e);
    }
  }

  static SendFailure classify(Throwable raw) {
    Throwable e =
        raw instanceof CompletionException && raw.getCause() != null ? raw.getCause() : raw;
    if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null) {
      int code = r.getErrorCode();
      String id = Integer.toString(code);
      if (code == 429) {
        Integer after = r.getParameters() == null ? null : r.getParameters().getRetryAfter();
        return SendFailure.retryable(
            id, r.getApiResponse(), after == null ? null : Duration.ofSeconds(after));
      }
      if (code == 403) {
        return SendFailure.optedOut(id, r.getApiResponse());
      }
      if (code >= 500) {
        return SendFailure.unanswered(id, r.getApiResponse(), null);
      }
      return SendFailure.permanent(id, r.getApiResponse());
    }
    return SendFailure.unanswered("io", e.getMessage(), null);
  }
}
