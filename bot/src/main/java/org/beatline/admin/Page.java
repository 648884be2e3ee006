package org.beatline.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import org.beatline.http.Requests;

/**
 * One page of a list: every list answers {@code {"items": [...], "next": cursor-or-null}} and takes
 * {@code ?limit=} (default {@link #DEFAULT}, at most {@link #MAX}) and {@code ?cursor=}, the {@code
 * next} of the page before.
 */
record Page(int limit, String cursor) {
  static final int DEFAULT = 50;
  static final int MAX = 500;

  /** The page a request asks for, or null after refusing a bad {@code limit}. */
  static Page of(RoutingContext ctx) {
    String raw = ctx.queryParams().get("limit");
    int limit = DEFAULT;
    if (raw != null) {
      try {
        limit = Integer.parseInt(raw);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX) {
        Requests.refuse(ctx, 400, "limit: must be a whole number from 1 to " + MAX);
        return null;
      }
    }
    String cursor = ctx.queryParams().get("cursor");
    if (cursor != null && (cursor.isEmpty() || cursor.length() > 200)) {
      Requests.refuse(ctx, 400, "cursor: not a cursor this list gave");
      return null;
    }
    return new Page(limit, cursor);
  }

  /** The answer for items read after this page's cursor, with {@code next} when more may follow. */
  static JsonObject answer(List<JsonObject> items, String next) {
    return new JsonObject().put("items", new JsonArray(items)).put("next", next);
  }

  /**
   * The answer for a full read of up to {@link #limit} items whose cursor is the last one's key:
   * {@code next} is that key when the page is full, null when the list has ended.
   */
  <T> JsonObject answer(List<T> read, Function<T, JsonObject> json, Function<T, String> key) {
    String next = read.size() < limit ? null : key.apply(read.get(read.size() - 1));
    return answer(read.stream().map(json).toList(), next);
  }

  /**
   * Whether the cursor, if any, is a Redis stream entry id (what stream-backed lists give); refuses
   * the request otherwise.
   */
  boolean streamCursor(RoutingContext ctx) {
    if (cursor != null && !cursor.matches("\\d+-\\d+")) {
      Requests.refuse(ctx, 400, "cursor: not a cursor this list gave");
      return false;
    }
    return true;
  }

  /** The offset a cursor of {@link #slice} names, or -1 when it names none. */
  int offset() {
    if (cursor == null) {
      return 0;
    }
    try {
      int n = Integer.parseInt(cursor);
      return n >= 0 ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** This page of a list held whole, its cursor an offset; null after refusing a bad cursor. */
  JsonObject slice(RoutingContext ctx, List<JsonObject> all) {
    int from = offset();
    if (from < 0) {
      Requests.refuse(ctx, 400, "cursor: not a cursor this list gave");
      return null;
    }
    int to = Math.min(all.size(), from + limit);
    List<JsonObject> items = from >= all.size() ? List.of() : all.subList(from, to);
    return answer(items, to < all.size() ? Integer.toString(to) : null);
  }
}
