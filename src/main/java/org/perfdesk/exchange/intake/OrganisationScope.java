package org.perfdesk.exchange.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.exchange.snapshot.SnapshotMapper;
import org.perfdesk.store.Workspace;

/**
 * A unit speaks only for its own subtree (package-format.md §3, "Organisations"). Each organisation
 * its snapshot lists must be:
 * <ul>
 *   <li>one of its own: divisions, persons, and the departments or districts that own parts of its
 *       tree (a city's 发改委, a county it describes) — new here, or already below it as it described
 *       them; <b>without a ranking group</b>, since only the office ranks; or</li>
 *   <li>a unit this workspace registered (enrolled, with a key) below it — a sub-unit it collects
 *       for — kept exactly as registered here, whatever the snapshot says;</li>
 * </ul>
 * each under the unit through the snapshot's own organisations. Anything else is refused as
 * {@code org-outside-scope}: the unit itself, an office, any organisation with a ranking group that
 * this workspace did not register, an organisation or registered unit outside the sender's subtree,
 * a code that differs only in case from one this workspace knows. A code a unit describes does not
 * bind the office: when the real unit of that code enrolls, the office places it where it decides.
 */
final class OrganisationScope {
    private OrganisationScope() {
    }

    /** The organisations to save, as this workspace will hold them. */
    static List<OrgUnit> check(Workspace ws, String unit, List<Payloads.Org> orgs) {
        String unitName = Chain.unitName(ws, unit);
        Set<String> subtree = new HashSet<>();
        ws.orgUnits().findSubtree(unit).forEach(o -> subtree.add(o.code()));
        Set<String> keyed = new HashSet<>();
        ws.trustedKeys().findAll().forEach(k -> keyed.add(k.unitCode()));
        Set<String> inSnapshot = new HashSet<>();
        Map<String, String> parentOf = new HashMap<>();
        List<OrgUnit> out = new ArrayList<>();
        for (Payloads.Org o : orgs) {
            OrgUnit org = SnapshotMapper.toOrgUnit(o);
            if (!inSnapshot.add(org.code().toUpperCase(Locale.ROOT))) {
                throw new PackageException("bad-snapshot", "organisation " + org.code());
            }
            OrgUnit known = ws.orgUnits().findIgnoringCase(org.code()).orElse(null);
            boolean registered = known != null && keyed.contains(known.code());
            boolean allowed;
            if (org.code().equalsIgnoreCase(unit) || org.kind() == OrgKind.OFFICE) {
                allowed = false;
            } else if (known == null) {
                allowed = org.group() == null;
            } else {
                allowed = known.code().equals(org.code()) && subtree.contains(known.code())
                        && (registered || org.group() == null && known.kind() != OrgKind.OFFICE);
            }
            if (!allowed) {
                throw new PackageException("org-outside-scope", unitName, org.code());
            }
            // A registered sub-unit stays as registered (its parent, group, key): the office decided them.
            OrgUnit kept = registered ? known : org;
            parentOf.put(kept.code(), kept.parentCode());
            out.add(kept);
        }
        for (OrgUnit o : out) {
            String p = o.parentCode();
            int steps = 0;
            while (p != null && !p.equals(unit) && parentOf.containsKey(p) && steps++ < 64) {
                p = parentOf.get(p);
            }
            if (p == null || !p.equals(unit)) {
                throw new PackageException("org-outside-scope", unitName, o.code());
            }
        }
        return out;
    }
}
