package org.beatline.outbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beatline.message.Outbound;

/**
 * An outbound message as it waits in the outbox: the message, its place in the recipient's order,
 * how often it was tried, when it was first queued, and whether an earlier try may have reached the
 * provider although it failed (then the provider is asked before it is sent again).
 */
record Entry(Outbound message, long seq, int attempts, long enqueuedAt, boolean unsure) {

  Entry(Outbound message, long seq, int attempts, long enqueuedAt) {
    this(message, seq, attempts, enqueuedAt, false);
  }

  Map<String, String> toFields() {
    Map<String, String> f = new HashMap<>();
    f.put("m", encode(message).encode());
    f.put("seq", Long.toString(seq));
    f.put("attempts", Integer.toString(attempts));
    f.put("at", Long.toString(enqueuedAt));
    if (unsure) {
      f.put("unsure", "1");
    }
    return f;
  }

  static Entry fromFields(Map<String, String> f) {
    return new Entry(
        decode(new JsonObject(f.get("m"))),
        Long.parseLong(f.get("seq")),
        Integer.parseInt(f.getOrDefault("attempts", "0")),
        Long.parseLong(f.getOrDefault("at", "0")),
        "1".equals(f.get("unsure")));
  }

  /** The entry for its next attempt; {@code unsure} if this one may have reached the provider. */
  Entry retried(boolean unsure) {
    return new Entry(message, seq, attempts + 1, enqueuedAt, this.unsure || unsure);
  }

  String toJson() {
    return new JsonObject((Map) toFields()).encode();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Entry fromJson(String json) {
    Map raw = new JsonObject(json).getMap();
    return fromFields((Map<String, String>) raw);
  }

  private static JsonObject encode(Outbound m) {
    JsonArray options = new JsonArray();
    m.options().forEach(o -> options.add(new JsonObject().put("l", o.label()).put("v", o.value())));
    return new JsonObject()
        .put("id", m.id())
        .put("channel", m.channel())
        .put("address", m.address())
        .put("text", m.text())
        .put("options", options)
        .put("lane", m.lane().name())
        .put("key", m.key())
        .put("language", m.language());
  }

  private static Outbound decode(JsonObject j) {
    List<Outbound.Option> options =
        j.getJsonArray("options", new JsonArray()).stream()
            .map(o -> (JsonObject) o)
            .map(o -> new Outbound.Option(o.getString("l"), o.getString("v")))
            .toList();
    return new Outbound(
        j.getString("id"),
        j.getString("channel"),
        j.getString("address"),
        j.getString("text"),
        options,
        Outbound.Lane.valueOf(j.getString("lane")),
        j.getString("key"),
        j.getString("language"));
  }
}
