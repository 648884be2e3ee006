package org.beatline.survey;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.beatline.redis.Redis;

/**
 * Survey answers: kept per contact only while the survey is under way, then moved into the survey's
 * anonymous responses so that no answer stays linkable to a phone number.
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

  public Future<Void> record(String survey, String contactHash, String question, String value) {
    String key = open(survey, contactHash);
    return redis
        .call(c -> c.hset(key, question, value))
        .compose(n -> redis.call(c -> c.expire(key, OPEN_SECONDS)))
        .mapEmpty();
  }

  /** Moves the answers into the anonymous responses with only the language and the day. */
  public Future<Void> complete(String survey, String contactHash, String language, Instant now) {
    String key = open(survey, contactHash);
    return redis
        .call(c -> c.hgetall(key))
        .compose(
            answers -> {
              if (answers.isEmpty()) {
                return Future.succeededFuture();
              }
              JsonObject response =
                  new JsonObject()
                      .put("answers", new JsonObject((Map) answers))
                      .put("language", language)
                      .put("day", now.toString().substring(0, 10));
              return redis
                  .call(c -> c.rpush(responses(survey), response.encode()))
                  .compose(n -> redis.call(c -> c.del(key)))
                  .mapEmpty();
            });
  }

  public Future<Void> discard(String survey, String contactHash) {
    return redis.call(c -> c.del(open(survey, contactHash))).mapEmpty();
  }
}
