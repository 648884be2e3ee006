package org.beatline.config;

import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/**
 * Every setting Beatline reads, read once from the environment. A bad value stops startup with a
 * one-line reason ({@link IllegalArgumentException}); nothing else reads the environment.
 */
public record Config(
    int port,
    String publicBaseUrl,
    String redisUrl,
    String twilioAccountSid,
    String twilioAuthToken,
    String twilioFrom,
    String twilioApiBase,
    double twilioMps,
    String telegramBotToken,
    String telegramWebhookSecret,
    String telegramApiBase,
    TelegramMode telegramMode,
    double telegramMps,
    String adminToken,
    boolean adminTokenGenerated,
    String conversationsDir,
    String translationsDir,
    String officersFile,
    Simulator simulator,
    int httpIdleSeconds,
    int httpMaxConnections,
    String metricsToken,
    String addressHashKey,
    String modelCacheDir) {

  /** Whether the web simulator is served: AUTO serves it only while no channel is live. */
  public enum Simulator {
    AUTO,
    ON,
    OFF
  }

  /** How Telegram updates reach Beatline. */
  public enum TelegramMode {
    WEBHOOK,
    POLLING
  }

  public static Config fromEnvironment() {
    return from(System.getenv());
  }

  /** Reads the settings from {@code env}; throws with a one-line reason on the first bad value. */
  public static Config from(Map<String, String> env) {
    Function<String, String> get =
        name -> {
          String v = env.get(name);
          return v == null || v.isBlank() ? null : v.trim();
        };
    int port = integer(get.apply("PORT"), 8080, "PORT", 0, 65535);
    String base = or(get.apply("PUBLIC_BASE_URL"), "http://localhost:" + port);
    requireUrl("PUBLIC_BASE_URL", base, "http", "https");
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    String redis = get.apply("REDIS_URL");
    if (redis != null && !redis.matches("(redis|rediss|redis-sentinel)://[^\\s]+")) {
      throw new IllegalArgumentException(
          "REDIS_URL must start with redis://, rediss:// or redis-sentinel://");
    }
    String sid = get.apply("TWILIO_ACCOUNT_SID");
    String token = get.apply("TWILIO_AUTH_TOKEN");
    String from = get.apply("TWILIO_FROM");
    if ((sid == null) != (token == null) || (sid != null && from == null)) {
      throw new IllegalArgumentException(
          "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM must be set together");
    }
    if (sid != null && !sid.matches("AC[0-9a-fA-F]{32}")) {
      throw new IllegalArgumentException("TWILIO_ACCOUNT_SID must look like AC followed by 32 hex");
    }
    if (from != null && !from.matches("(whatsapp:)?\\+[1-9][0-9]{6,14}|MG[0-9a-fA-F]{32}")) {
      throw new IllegalArgumentException(
          "TWILIO_FROM must be an E.164 number (+15551234567) or a Messaging Service SID (MG…)");
    }
    String twilioBase = or(get.apply("TWILIO_API_BASE"), "https://api.twilio.com");
    requireUrl("TWILIO_API_BASE", twilioBase, "http", "https");
    String tgToken = get.apply("TELEGRAM_BOT_TOKEN");
    if (tgToken != null && !tgToken.matches("[0-9]+:[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("TELEGRAM_BOT_TOKEN must look like 123456:ABC-def");
    }
    String tgSecret = get.apply("TELEGRAM_WEBHOOK_SECRET");
    if (tgSecret != null && !tgSecret.matches("[A-Za-z0-9_-]{1,256}")) {
      throw new IllegalArgumentException(
          "TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -");
    }
    String tgBase = or(get.apply("TELEGRAM_API_BASE"), "https://api.telegram.org");
    requireUrl("TELEGRAM_API_BASE", tgBase, "http", "https");
    TelegramMode mode;
    try {
      mode = TelegramMode.valueOf(or(get.apply("TELEGRAM_MODE"), "webhook").toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("TELEGRAM_MODE must be webhook or polling");
    }
    if (tgToken != null && mode == TelegramMode.WEBHOOK && tgSecret == null) {
      throw new IllegalArgumentException(
          "TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_BOT_TOKEN is set in webhook mode");
    }
    double twilioMps = decimal(get.apply("TWILIO_MPS"), 1.0, "TWILIO_MPS");
    double telegramMps = decimal(get.apply("TELEGRAM_MPS"), 25.0, "TELEGRAM_MPS");
    String admin = get.apply("ADMIN_TOKEN");
    boolean generated = admin == null;
    if (generated) {
      admin = Tokens.random();
    } else if (admin.length() < 16) {
      throw new IllegalArgumentException("ADMIN_TOKEN must be at least 16 characters");
    }
    return new Config(
        port,
        base,
        redis,
        sid,
        token,
        from,
        strip(twilioBase),
        twilioMps,
        tgToken,
        tgSecret,
        strip(tgBase),
        mode,
        telegramMps,
        admin,
        generated,
        get.apply("CONVERSATIONS_DIR"),
        get.apply("TRANSLATIONS_DIR"),
        get.apply("OFFICERS_FILE"),
        simulator(get.apply("SIMULATOR")),
        integer(get.apply("HTTP_IDLE_SECONDS"), 30, 1, 3600, "HTTP_IDLE_SECONDS"),
        integer(get.apply("HTTP_MAX_CONNECTIONS"), 2000, 1, 1_000_000, "HTTP_MAX_CONNECTIONS"),
        get.apply("METRICS_TOKEN"),
        hashKey(get.apply("ADDRESS_HASH_KEY")),
        modelCache(get.apply("MODEL_CACHE_DIR"), get.apply("HOME")));
  }

  /**
   * Where the trained intent model is kept between starts: {@code MODEL_CACHE_DIR}, else the user's
   * {@code ~/.cache/beatline}; {@code off} keeps it nowhere.
   */
  static String modelCache(String dir, String home) {
    if (dir != null) {
      return dir.equalsIgnoreCase("off") ? null : dir;
    }
    return home == null ? null : home + "/.cache/beatline";
  }

  private static String hashKey(String v) {
    if (v != null && v.length() < 32) {
      throw new IllegalArgumentException("ADDRESS_HASH_KEY must be at least 32 characters");
    }
    return v;
  }

  private static Simulator simulator(String v) {
    if (v == null) {
      return Simulator.AUTO;
    }
    return switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "on", "true", "1" -> Simulator.ON;
      case "off", "false", "0" -> Simulator.OFF;
      case "auto" -> Simulator.AUTO;
      default ->
          throw new IllegalArgumentException("SIMULATOR must be on, off or auto (was " + v + ")");
    };
  }

  private static int integer(String v, int fallback, int min, int max, String name) {
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new IllegalArgumentException(
        name + " must be a whole number from " + min + " to " + max + " (was " + v + ")");
  }

  /** Whether a real provider is configured: then Beatline talks to real people. */
  public boolean production() {
    return twilioLive() || telegramLive();
  }

  /** Whether the web simulator is served. */
  public boolean simulatorServed() {
    return simulator == Simulator.ON || simulator == Simulator.AUTO && !production();
  }

  public boolean twilioLive() {
    return twilioAccountSid != null;
  }

  public boolean telegramLive() {
    return telegramBotToken != null;
  }

  private static String or(String v, String fallback) {
    return v == null ? fallback : v;
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static int integer(String v, int fallback, String name, int min, int max) {
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " must be a whole number from " + min + " to " + max);
    }
  }

  /** The most messages per second a channel may be configured to send. */
  static final double MAX_MPS = 10_000;

  private static double decimal(String v, double fallback, String name) {
    if (v == null) {
      return fallback;
    }
    double d;
    try {
      d = Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      d = Double.NaN;
    }
    if (!(d > 0 && d <= MAX_MPS)) {
      throw new IllegalArgumentException(
          name
              + " must be a number of messages per second above 0 and at most "
              + (long) MAX_MPS
              + " (was "
              + v
              + ")");
    }
    return d;
  }

  private static void requireUrl(String name, String value, String... schemes) {
    try {
      URI uri = URI.create(value);
      for (String s : schemes) {
        if (s.equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
          return;
        }
      }
    } catch (IllegalArgumentException e) {
      // reported below with the expected form
    }
    throw new IllegalArgumentException(
        name + " must be a URL starting with " + String.join("://, ", schemes) + "://");
  }
}
