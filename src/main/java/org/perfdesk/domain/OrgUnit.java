package org.perfdesk.domain;

import java.util.Objects;

/**
 * An organisation known to a workspace: the workspace's own unit, its parent, its sub-units,
 * and the divisions and persons inside it. The code is the stable identity across workspaces.
 *
 * @param parentCode  code of the parent organisation, or null for the root (the office)
 * @param group       ranking group, only for reporting units that the office ranks
 * @param keyId       fingerprint of the unit's signing key once known, else null
 */
public record OrgUnit(String code, String name, OrgKind kind, String parentCode, RankingGroup group, String keyId) {

    public OrgUnit {
        Objects.requireNonNull(kind, "kind");
        if (code == null || !Codes.isValid(code)) {
            throw new IllegalArgumentException("invalid unit code: " + code);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("unit " + code + " has no name");
        }
        name = name.strip();
    }

    public OrgUnit(String code, String name, OrgKind kind, String parentCode) {
        this(code, name, kind, parentCode, null, null);
    }

    public OrgUnit withKeyId(String newKeyId) {
        return new OrgUnit(code, name, kind, parentCode, group, newKeyId);
    }
}
