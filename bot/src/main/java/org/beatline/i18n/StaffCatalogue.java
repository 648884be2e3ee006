package org.beatline.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the dashboard says to department staff, apart from what residents are sent: one YAML file
 * per language under {@code translations/staff/}, dotted keys, values with {@code {name}}
 * placeholders that the pages fill in. English is complete; another language falls back to it key
 * by key.
 */
public final class StaffCatalogue {
  private static final String SOURCE = "en";
  private final Map<String, Map<String, String>> byLanguage;

  StaffCatalogue(Map<String, Map<String, String>> byLanguage) {
    if (!byLanguage.containsKey(SOURCE)) {
      throw new IllegalArgumentException("no staff catalogue for " + SOURCE);
    }
    this.byLanguage = byLanguage;
  }

  /** Reads every {@code <lang>.yaml} in {@code dir} (the {@code staff} folder of translations). */
  public static StaffCatalogue load(Path dir) {
    Map<String, Map<String, String>> all = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (Files.isRegularFile(file) && name.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\\.ya?ml")) {
          all.put(name.substring(0, name.indexOf('.')), read(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the staff catalogues in " + dir, e);
    }
    return new StaffCatalogue(all);
  }

  /** The languages that have a staff catalogue. */
  public java.util.Set<String> languages() {
    return Collections.unmodifiableSet(byLanguage.keySet());
  }

  /** One language's keys exactly as written (no fallback). */
  public Map<String, String> entries(String language) {
    return byLanguage.getOrDefault(language, Map.of());
  }

  /** Every key in {@code language}, English where it has none; null for an unknown language. */
  public Map<String, String> complete(String language) {
    if (!byLanguage.containsKey(language)) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>(byLanguage.get(SOURCE));
    out.putAll(byLanguage.get(language));
    return out;
  }

  private static Map<String, String> read(Path file) throws IOException {
    Map<String, String> text = new LinkedHashMap<>();
    Catalogue.read(file).forEach((k, v) -> text.put(k, String.valueOf(v)));
    return Collections.unmodifiableMap(text);
  }
}
