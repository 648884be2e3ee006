package org.beatline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
  @Test
  void defaultsRunDryWithAGeneratedAdminToken() {
    Config c = Config.from(Map.of());
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.publicBaseUrl()).isEqualTo("http://localhost:8080");
    assertThat(c.redisUrl()).isNull();
    assertThat(c.twilioLive()).isFalse();
    assertThat(c.telegramLive()).isFalse();
    assertThat(c.adminTokenGenerated()).isTrue();
    assertThat(c.adminToken()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(c.twilioApiBase()).isEqualTo("https://api.twilio.com");
  }

  @Test
  void theIntentModelIsKeptInTheUsersCacheUnlessToldOtherwise() {
    assertThat(Config.from(Map.of("HOME", "/home/beat")).modelCacheDir())
        .isEqualTo("/home/beat/.cache/beatline");
    assertThat(
            Config.from(Map.of("HOME", "/home/beat", "MODEL_CACHE_DIR", "/var/cache/bl"))
                .modelCacheDir())
        .isEqualTo("/var/cache/bl");
    assertThat(Config.from(Map.of("HOME", "/home/beat", "MODEL_CACHE_DIR", "off")).modelCacheDir())
        .isNull();
    assertThat(Config.from(Map.of()).modelCacheDir()).isNull();
  }

  @Test
  void badValuesFailWithOneLineReasons() {
    assertBad(Map.of("PORT", "eighty"), "PORT");
    assertBad(Map.of("REDIS_URL", "http://x"), "REDIS_URL");
    assertBad(Map.of("TWILIO_ACCOUNT_SID", "AC123"), "TWILIO_");
    assertBad(
        Map.of(
            "TWILIO_ACCOUNT_SID",
            "AC" + "0".repeat(32),
            "TWILIO_AUTH_TOKEN",
            "t",
            "TWILIO_FROM",
            "555"),
        "TWILIO_FROM");
    assertBad(Map.of("TELEGRAM_BOT_TOKEN", "123:abc"), "TELEGRAM_WEBHOOK_SECRET");
    assertBad(Map.of("TELEGRAM_MODE", "carrier-pigeon"), "TELEGRAM_MODE");
    assertBad(Map.of("TWILIO_MPS", "-1"), "TWILIO_MPS");
    // A rate out of range says what the range is, not only that it must be above 0.
    assertBad(Map.of("TWILIO_MPS", "20000"), "at most 10000 (was 20000)");
    assertBad(Map.of("ADMIN_TOKEN", "short"), "ADMIN_TOKEN");
  }

  @Test
  void sentinelAndTlsRedisUrlsAreAccepted() {
    assertThat(Config.from(Map.of("REDIS_URL", "rediss://cache:6380")).redisUrl())
        .startsWith("rediss");
    assertThat(
            Config.from(Map.of("REDIS_URL", "redis-sentinel://s1:26379,s2:26379/0#mymaster"))
                .redisUrl())
        .startsWith("redis-sentinel");
  }

  @Test
  void pollingNeedsNoWebhookSecret() {
    Config c = Config.from(Map.of("TELEGRAM_BOT_TOKEN", "123:abc", "TELEGRAM_MODE", "polling"));
    assertThat(c.telegramMode()).isEqualTo(Config.TelegramMode.POLLING);
  }

  private static void assertBad(Map<String, String> env, String mentions) {
    assertThatThrownBy(() -> Config.from(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(mentions)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
