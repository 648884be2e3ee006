package org.beatline.accountability;

import io.vertx.core.Future;
import org.beatline.redis.Redis;

/** Whether residents found each accountability answer helpful, counted per intent. */
public final class AnswerFeedback {
  private final Redis redis;

  public AnswerFeedback(Redis redis) {
    this.redis = redis;
  }

  static String key(String intent) {
    return "feedback:" + intent;
  }

  public Future<Void> count(String intent, boolean helpful) {
    return redis.call(c -> c.hincrby(key(intent), helpful ? "helpful" : "unhelpful", 1)).mapEmpty();
  }
}
