package org.beatline.channel.telegram;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import org.beatline.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** Fetches updates with long polling, for running without a public URL. */
final class LongPolling {
  private static final Logger LOG = LoggerFactory.getLogger(LongPolling.class);
  private final Config config;
  private final Updates updates;
  private final Context context;
  private TelegramBotsLongPollingApplication app;

  LongPolling(Vertx vertx, Config config, Updates updates) {
    this.config = config;
    this.updates = updates;
    this.context = vertx.getOrCreateContext();
  }

  void start() {
    app = new TelegramBotsLongPollingApplication();
    try {
      app.registerBot(
          config.telegramBotToken(),
          () -> TelegramChannel.url(config),
          offset -> GetUpdates.builder().offset(offset).timeout(50).build(),
          (List<Update> batch) -> batch.forEach(this::onContext));
      LOG.info("telegram long polling started");
    } catch (TelegramApiException e) {
      throw new IllegalStateException("telegram long polling could not start: " + e.getMessage());
    }
  }

  private void onContext(Update u) {
    context.runOnContext(
        v ->
            updates
                .handle(u)
                .onFailure(
                    e -> LOG.warn("telegram update {} failed: {}", u.getUpdateId(), e.toString())));
  }

  void stop() {
    try {
      app.close();
    } catch (Exception e) {
      LOG.warn("telegram long polling did not stop cleanly: {}", e.toString());
    }
  }
}
