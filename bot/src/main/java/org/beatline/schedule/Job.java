package org.beatline.schedule;

import java.time.Instant;
import java.util.Map;

/**
 * A job that falls due at a time: an escalation, a reminder, a survey invitation, a quiet-hours
 * release. Its type names the handler a domain registered for it.
 *
 * @param id unique; scheduling the same id again replaces the job (a meeting moved)
 * @param type the handler's name ({@code concern.escalate})
 * @param due when it should run
 * @param data what the handler needs, as strings
 * @param attempts how often it failed so far
 */
public record Job(String id, String type, Instant due, Map<String, String> data, int attempts) {

  public Job {
    data = data == null ? Map.of() : Map.copyOf(data);
  }
}
