package org.beatline.admin;

import io.vertx.core.Future;
import java.util.Set;
import org.beatline.concern.Officers;
import org.beatline.staff.Role;
import org.beatline.staff.Staff;

/**
 * Which cases a caller may see, the same for the inbox, a case, Open311 and the trends: misconduct
 * complaints only complaint intake (which sees nothing else) and admins; everything else admins and
 * viewers; a liaison the cases of the neighbourhoods of their officer record and those assigned to
 * them.
 */
record CaseSight(Role role, String officerId, Set<String> neighbourhoods) {

  /** What {@code staff} may see, reading a liaison's neighbourhoods from their officer record. */
  static Future<CaseSight> of(Staff staff, Officers officers) {
    if (staff.role() != Role.LIAISON || staff.officerId() == null) {
      return Future.succeededFuture(new CaseSight(staff.role(), staff.officerId(), Set.of()));
    }
    return officers
        .find(staff.officerId())
        .map(
            o ->
                new CaseSight(
                    staff.role(),
                    staff.officerId(),
                    o == null ? Set.of() : Set.copyOf(o.neighbourhoods())));
  }

  /** Whether a case of this kind, place and officer may be seen. */
  boolean sees(boolean misconduct, String neighbourhood, String officer) {
    return switch (role) {
      case ADMIN -> true;
      case COMPLAINT_INTAKE -> misconduct;
      case VIEWER -> !misconduct;
      case LIAISON ->
          !misconduct
              && officerId != null
              && (officerId.equals(officer) || neighbourhoods.contains(neighbourhood));
    };
  }
}
