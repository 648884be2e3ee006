package org.beatline.meeting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.beatline.conversation.Facts;
import org.beatline.redis.Redis;

/**
 * Scheduled meetings, forums and academy sessions in Redis: a sorted set by start time and one JSON
 * document per meeting. Until staff schedule their own, the department profile's seed meetings are
 * loaded once.
 */
public final class Meetings {
  private static final String BY_START = "meetings:by-start";
  private static final String SEEDED = "meetings:seeded";
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

  private final Redis redis;
  private final String baseUrl;

  public Meetings(Redis redis, String publicBaseUrl) {
    this.redis = redis;
    this.baseUrl = publicBaseUrl;
  }

  static String key(String id) {
    return "meeting:" + id;
  }

  /** Stores a meeting (new or changed). */
  public Future<Void> save(Meeting m) {
    String json;
    try {
      json = JSON.writeValueAsString(m);
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
    return redis
        .call(c -> c.set(key(m.id()), json))
        .compose(ok -> redis.call(c -> c.zadd(BY_START, m.start().toEpochMilli(), m.id())))
        .mapEmpty();
  }

  /** Loads the profile's seed meetings the first time any instance starts against this Redis. */
  @SuppressWarnings("unchecked")
  public Future<Void> seed(List<Map<String, Object>> seeds) {
    return redis
        .call(c -> c.setnx(SEEDED, Instant.now().toString()))
        .compose(
            first -> {
              Future<Void> chain = Future.succeededFuture();
              if (!first) {
                return chain;
              }
              for (Map<String, Object> s : seeds) {
                Meeting m;
                try {
                  m =
                      new Meeting(
                          String.valueOf(s.get("id")),
                          (String) s.get("kind"),
                          (String) s.get("neighbourhood"),
                          Instant.parse(String.valueOf(s.get("start"))),
                          (Integer) s.get("minutes"),
                          (String) s.get("place"),
                          (Map<String, String>) s.get("titles"),
                          (Map<String, String>) s.get("details"),
                          (String) s.get("topic"));
                } catch (RuntimeException e) {
                  return Future.failedFuture(
                      new IllegalArgumentException(
                          "department.yaml seed_meetings " + s.get("id") + ": " + e));
                }
                chain = chain.compose(v -> save(m));
              }
              return chain;
            });
  }

  /**
   * Meetings that start after {@code now}, soonest first, as the conversation engine reads them.
   */
  public Future<List<Facts.Meeting>> upcomingViews(Instant now, int limit) {
    return upcoming(now, limit).map(all -> all.stream().map(m -> m.view(ics(m.id()))).toList());
  }

  /** Meetings that start after {@code now}, soonest first. */
  public Future<List<Meeting>> upcoming(Instant now, int limit) {
    return redis
        .call(
            c ->
                c.zrangebyscore(
                    BY_START,
                    io.lettuce.core.Range.create(now.toEpochMilli(), Double.POSITIVE_INFINITY),
                    io.lettuce.core.Limit.create(0, limit)))
        .compose(ids -> ids.isEmpty() ? Future.succeededFuture(List.<Meeting>of()) : load(ids));
  }

  /** Every meeting, past and upcoming, soonest first (at most {@code limit}). */
  public Future<List<Meeting>> all(int limit) {
    return redis
        .call(c -> c.zrange(BY_START, 0, limit - 1))
        .compose(ids -> ids.isEmpty() ? Future.succeededFuture(List.<Meeting>of()) : load(ids));
  }

  /** Removes a meeting; true when there was one. */
  public Future<Boolean> delete(String id) {
    return redis
        .call(c -> c.zrem(BY_START, id))
        .compose(n -> redis.call(c -> c.del(key(id))).map(d -> d > 0));
  }

  /** One meeting, or null. */
  public Future<Meeting> find(String id) {
    return redis.call(c -> c.get(key(id))).map(json -> json == null ? null : parse(json));
  }

  private Future<List<Meeting>> load(List<String> ids) {
    String[] keys = ids.stream().map(Meetings::key).toArray(String[]::new);
    return redis
        .call(c -> c.mget(keys))
        .map(
            values ->
                values.stream().filter(v -> v.hasValue()).map(v -> parse(v.getValue())).toList());
  }

  /** The public link to a meeting's calendar file. */
  public String ics(String id) {
    return baseUrl + "/meetings/" + id + ".ics";
  }

  /**
   * Every conversation turn reads the upcoming meetings; a meeting is parsed again only when its
   * stored JSON changed. A few hundred of them are remembered, the most recently read.
   */
  private static Meeting parse(String json) {
    synchronized (PARSED) {
      Meeting known = PARSED.get(json);
      if (known != null) {
        return known;
      }
    }
    Meeting m;
    try {
      m = JSON.readValue(json, Meeting.class);
    } catch (Exception e) {
      throw new IllegalStateException("unreadable meeting", e);
    }
    synchronized (PARSED) {
      PARSED.put(json, m);
    }
    return m;
  }

  private static final Map<String, Meeting> PARSED =
      new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Meeting> eldest) {
          return size() > 256;
        }
      };
}
