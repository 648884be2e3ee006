package org.beatline.staff;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a staff member or a machine token may do. Every role reads; only a viewer changes nothing;
 * misconduct complaints are seen only by complaint intake and admins; a liaison works the concerns
 * of their own neighbourhoods.
 */
public enum Role {
  ADMIN("admin"),
  LIAISON("liaison"),
  COMPLAINT_INTAKE("complaint_intake"),
  VIEWER("viewer");

  private final String id;

  Role(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<Role> of(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }

  /** Whether this role sees misconduct complaints. */
  public boolean seesMisconduct() {
    return this == ADMIN || this == COMPLAINT_INTAKE;
  }

  /** Whether this role sees every neighbourhood's concerns, not only its own. */
  public boolean seesAllNeighbourhoods() {
    return this != LIAISON;
  }
}
