package org.beatline.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of {@code conversations/department.yaml} the service needs before the conversation
 * engine is loaded: language and time zone for the catalogues, the facts every reply may quote, the
 * concern reference prefix and the seed meetings.
 */
public final class DepartmentFile {
  private final Map<String, Object> raw;

  private DepartmentFile(Map<String, Object> raw) {
    this.raw = raw;
  }

  /** The profile as already read (the whole YAML document). */
  public static DepartmentFile of(Map<String, Object> raw) {
    if (raw == null || raw.get("name") == null) {
      throw new IllegalArgumentException("department.yaml: name is required");
    }
    return new DepartmentFile(raw);
  }

  @SuppressWarnings("unchecked")
  public static DepartmentFile read(Path conversations) {
    Path file = conversations.resolve("department.yaml");
    try (InputStream in = Files.newInputStream(file)) {
      Map<String, Object> raw = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
      if (raw == null || raw.get("name") == null) {
        throw new IllegalArgumentException("department.yaml: name is required");
      }
      return new DepartmentFile(raw);
    } catch (IOException e) {
      throw new IllegalArgumentException("department.yaml: " + e.getMessage());
    }
  }

  public String name() {
    return String.valueOf(raw.get("name"));
  }

  public String defaultLanguage() {
    return String.valueOf(raw.getOrDefault("default_language", "en"));
  }

  public String timeZone() {
    return String.valueOf(raw.getOrDefault("time_zone", "UTC"));
  }

  public String concernReferencePrefix() {
    return String.valueOf(raw.getOrDefault("concern_reference_prefix", "C"));
  }

  /** The facts every reply may quote: the department's name, phone number and website. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> replyArgs() {
    Map<String, Object> phones = (Map<String, Object>) raw.getOrDefault("phones", Map.of());
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("department", name());
    args.put("phone", phones.getOrDefault("non_emergency", ""));
    args.put("website", raw.getOrDefault("website", ""));
    return args;
  }

  /** Meetings to load into an empty store, for development and demonstrations. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> seedMeetings() {
    return (List<Map<String, Object>>) raw.getOrDefault("seed_meetings", List.of());
  }
}
