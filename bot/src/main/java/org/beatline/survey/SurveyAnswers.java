package org.beatline.survey;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.beatline.redis.Redis;

/**
 * Survey answers: kept per person (under a keyed hash, never the address) only while the survey is
 * under way, then moved into the survey's anonymous responses with what the breakdowns need
 * (contact type, district, language, week), so that no answer stays linkable to a phone number.
 */
public final class SurveyAnswers {
  private static final long OPEN_SECONDS = 7L * 24 * 3600;
  private final Redis redis;

  public SurveyAnswers(Redis redis) {
    this.redis = redis;
  }

  static String open(String survey, String contactHash) {
    return "survey:" + survey + ":open:" + contactHash;
  }

  static String responses(String survey) {
    return "survey:" + survey + ":responses";
  }

  static String invited(String survey, String contactHash) {
    return "survey:" + survey + ":invited:" + contactHash;
  }

  static String rates(String survey) {
    return "survey:" + survey + ":rates";
  }

  /** Counts one step of the survey's funnel: invited, sent, started, completed. */
  static Future<Void> rate(Redis redis, String survey, String step) {
    return redis.call(c -> c.hincrby(rates(survey), step, 1)).mapEmpty();
  }

  /** Keeps what an invitation said about the contact until the survey completes or expires. */
  static Future<Void> link(
      Redis redis, String survey, String contactHash, JsonObject meta, Duration open) {
    return redis
        .call(c -> c.setex(invited(survey, contactHash), open.toSeconds(), meta.encode()))
        .mapEmpty();
  }

  /** Drops the link between a person and an invitation. */
  static Future<Void> unlink(Redis redis, String survey, String contactHash) {
    return redis.call(c -> c.del(invited(survey, contactHash))).mapEmpty();
  }

  public Future<Void> record(String survey, String contactHash, String question, String value) {
    String key = open(survey, contactHash);
    return redis
        .call(c -> c.exists(key))
        .compose(n -> n == 0 ? rate(redis, survey, "started") : Future.succeededFuture())
        .compose(v -> redis.call(c -> c.hset(key, question, value)))
        .compose(n -> redis.call(c -> c.expire(key, OPEN_SECONDS)))
        .mapEmpty();
  }

  /**
   * Moves the answers into the anonymous responses with the language, the week and what the
   * invitation said (contact type, district, officer), then forgets whose they were.
   */
  public Future<Void> complete(String survey, String contactHash, String language, Instant now) {
    String key = open(survey, contactHash);
    return Future.all(
            redis.call(c -> c.hgetall(key)), redis.call(c -> c.get(invited(survey, contactHash))))
        .compose(
            both -> {
              Map<String, String> answers = both.resultAt(0);
              String meta = both.resultAt(1);
              if (answers.isEmpty()) {
                return Future.succeededFuture();
              }
              JsonObject response =
                  (meta == null ? new JsonObject() : new JsonObject(meta))
                      .put("answers", new JsonObject(new java.util.HashMap<>(answers)))
                      .put("language", language)
                      .put(
                          "week",
                          meta == null
                              ? Invitations.week(now)
                              : new JsonObject(meta).getString("week"));
              return redis
                  .call(c -> c.rpush(responses(survey), response.encode()))
                  .compose(n -> redis.call(c -> c.del(key, invited(survey, contactHash))))
                  .compose(n -> rate(redis, survey, "completed"));
            });
  }

  public Future<Void> discard(String survey, String contactHash) {
    return redis
        .call(c -> c.del(open(survey, contactHash), invited(survey, contactHash)))
        .mapEmpty();
  }

  /** Every anonymous response of a survey. */
  public Future<List<JsonObject>> responsesOf(String survey) {
    return redis
        .call(c -> c.lrange(responses(survey), 0, -1))
        .map(l -> l.stream().map(JsonObject::new).toList());
  }

  /** The survey's funnel: invited, sent, started, completed. */
  public Future<Map<String, String>> ratesOf(String survey) {
    return redis.call(c -> c.hgetall(rates(survey)));
  }
}
