package org.beatline.i18n;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Everything Beatline says, in every language: one YAML catalogue per language under {@code
 * translations/}, keyed by dotted keys. A value is an ICU MessageFormat pattern, or a list of words
 * for keys under {@code keywords.}. Missing keys fall back to the default language.
 */
public final class Catalogue {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Map<String, Map<String, Object>> byLanguage;
  private final String defaultLanguage;
  private final TimeZone zone;

  /**
   * Patterns compiled once per thread (ICU's formats are not safe to share between threads):
   * compiling one for every message was most of the cost of rendering a reply.
   */
  private final ThreadLocal<Map<String, MessageFormat>> compiled =
      ThreadLocal.withInitial(HashMap::new);

  Catalogue(Map<String, Map<String, Object>> byLanguage, String defaultLanguage, String zone) {
    this.byLanguage = byLanguage;
    this.defaultLanguage = defaultLanguage;
    this.zone = TimeZone.getTimeZone(zone);
    if (!byLanguage.containsKey(defaultLanguage)) {
      throw new IllegalArgumentException("no catalogue for default language " + defaultLanguage);
    }
  }

  /** Reads every {@code <lang>.yaml} in {@code dir}, a language being a BCP 47 tag (zh-Hant). */
  public static Catalogue load(Path dir, String defaultLanguage, String timeZone) {
    Map<String, Map<String, Object>> all = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        // Files only: staff/ beside them is the dashboard's catalogue, never said to residents.
        if (Files.isRegularFile(file) && name.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\\.ya?ml")) {
          all.put(name.substring(0, name.indexOf('.')), read(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read translations in " + dir, e);
    }
    return new Catalogue(all, defaultLanguage, timeZone);
  }

  /**
   * A catalogue file flattened to dotted keys: text values as strings, lists of words as lists. The
   * staff catalogue reads its files the same way.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Map<String, Object> raw = YAML.readValue(in, Map.class);
      Map<String, Object> flat = new LinkedHashMap<>();
      flatten("", raw == null ? Map.of() : raw, flat);
      return Collections.unmodifiableMap(flat);
    } catch (IOException e) {
      throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Map<String, Object> in, Map<String, Object> out) {
    in.forEach(
        (k, v) -> {
          String key = prefix.isEmpty() ? k : prefix + "." + k;
          if (v instanceof Map<?, ?> m) {
            flatten(key, (Map<String, Object>) m, out);
          } else if (v instanceof List<?> l) {
            out.put(key, l.stream().map(String::valueOf).toList());
          } else if (v != null) {
            out.put(key, String.valueOf(v));
          }
        });
  }

  /** The languages that have a catalogue, in a stable order. */
  public Set<String> languages() {
    return new TreeSet<>(byLanguage.keySet());
  }

  public String defaultLanguage() {
    return defaultLanguage;
  }

  /** Whether {@code language} has a catalogue of its own. */
  public boolean supports(String language) {
    return language != null && byLanguage.containsKey(language);
  }

  /** The keys of one language's catalogue, exactly as written there (no fallback). */
  public Map<String, Object> entries(String language) {
    return byLanguage.getOrDefault(language, Map.of());
  }

  /** Whether {@code key} exists in the default catalogue (every key must). */
  public boolean has(String key) {
    return byLanguage.get(defaultLanguage).containsKey(key);
  }

  private static final java.util.regex.Pattern SELECT =
      java.util.regex.Pattern.compile("\\{\\s*(\\w+)\\s*,\\s*select\\s*,");

  /**
   * The arguments of {@code key} in {@code language} that choose between variants ({@code {status,
   * select, …}}): their values are matched, never shown, so they must reach the pattern as given.
   */
  public Set<String> selectors(String language, String key) {
    String lang = supports(language) ? language : defaultLanguage;
    Object pattern = byLanguage.get(lang).get(key);
    if (!(pattern instanceof String)) {
      pattern = byLanguage.get(defaultLanguage).get(key);
    }
    if (!(pattern instanceof String p) || !p.contains("select")) {
      return Set.of();
    }
    Set<String> names = new java.util.HashSet<>();
    var m = SELECT.matcher(p);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Renders {@code key} in {@code language} with named arguments, falling back to the default. */
  public String render(String language, String key, Map<String, ?> args) {
    String lang = supports(language) ? language : defaultLanguage;
    Object pattern = byLanguage.get(lang).get(key);
    if (!(pattern instanceof String)) {
      lang = defaultLanguage;
      pattern = byLanguage.get(lang).get(key);
    }
    if (!(pattern instanceof String p)) {
      throw new IllegalArgumentException("no message for key " + key);
    }
    String found = lang;
    MessageFormat format =
        compiled.get().computeIfAbsent(found + '\u0000' + key, k -> compile(p, found));
    return format.format(args == null ? Map.of() : args);
  }

  private MessageFormat compile(String pattern, String language) {
    MessageFormat format = new MessageFormat(pattern, locale(language));
    for (var f : format.getFormats()) {
      if (f instanceof DateFormat df) {
        df.setTimeZone(zone);
      }
    }
    return format;
  }

  /**
   * The locale a language's messages are formatted in: its {@code language.locale} ({@code es-US},
   * {@code my-u-nu-latn}), or the language itself.
   */
  private ULocale locale(String language) {
    Object tag = byLanguage.get(language).get("language.locale");
    return ULocale.forLanguageTag(tag instanceof String t ? t : language);
  }

  /**
   * The words of a keyword list ({@code keywords.stop}) in {@code language}, plus the default's.
   */
  public List<String> words(String language, String key) {
    List<String> out = new ArrayList<>(ownWords(language, key));
    if (!defaultLanguage.equals(language)) {
      out.addAll(ownWords(defaultLanguage, key));
    }
    return out;
  }

  /** The words of a keyword list in one language only. */
  @SuppressWarnings("unchecked")
  public List<String> ownWords(String language, String key) {
    Object v = byLanguage.getOrDefault(language, Map.of()).get(key);
    return v instanceof List<?> l ? (List<String>) l : List.of();
  }
}
