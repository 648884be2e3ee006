package org.beatline.concern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Set;

/**
 * A police officer Beatline routes concerns to, who answers from their own phone.
 *
 * @param displayName how residents see them ("Officer Reyes")
 * @param role {@code liaison}, {@code supervisor} or {@code complaint_intake}
 * @param phone in E.164, or null
 * @param telegramChatId or null; at least one of phone and chat id is set
 * @param neighbourhoods ids from the department profile
 * @param languages the languages they speak, the one they read Beatline in first
 * @param active whether concerns go to them and their commands are read (true unless said)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Officer(
    String id,
    String name,
    String displayName,
    String role,
    String phone,
    String telegramChatId,
    List<String> neighbourhoods,
    List<String> languages,
    Boolean active) {

  public static final Set<String> ROLES = Set.of("liaison", "supervisor", "complaint_intake");

  public Officer {
    neighbourhoods = neighbourhoods == null ? List.of() : List.copyOf(neighbourhoods);
    languages = languages == null ? List.of() : List.copyOf(languages);
    active = active == null || active;
  }

  /** The officer's channel and address: Telegram when they have a chat id, otherwise SMS. */
  public String channel() {
    return telegramChatId != null ? "telegram" : "twilio";
  }

  public String address() {
    return telegramChatId != null ? telegramChatId : phone;
  }

  /** The language Beatline writes to them in, or {@code fallback}. */
  public String language(String fallback) {
    return languages.isEmpty() ? fallback : languages.get(0);
  }

  Officer withoutAddresses() {
    return new Officer(id, name, displayName, role, null, null, neighbourhoods, languages, active);
  }

  public Officer withId(String newId) {
    return new Officer(
        newId, name, displayName, role, phone, telegramChatId, neighbourhoods, languages, active);
  }
}
