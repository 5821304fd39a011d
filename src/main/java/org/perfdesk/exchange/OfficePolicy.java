package org.perfdesk.exchange;

import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.store.MetaRepository;
import org.perfdesk.store.Workspace;

/**
 * What an office asks of the packages its units send. "Require encryption from units" (要求下级单位加密报送)
 * is kept per workspace: on in a new office workspace, off in one made before the setting existed
 * (upgrading changes nothing an office already accepted; it is turned on under 设置 → 数据交换).
 * When on, a unit's package in the clear is refused ({@code encryption-required}); the office's own
 * packages and enrollments (which hold only public keys) are not affected.
 */
public final class OfficePolicy {
    private OfficePolicy() {
    }

    public static boolean requiresEncryption(Workspace ws) {
        return ws.meta().get(MetaRepository.REQUIRE_ENCRYPTION).map(Boolean::parseBoolean).orElse(false);
    }

    /** Turns the setting on or off, with an entry in the audit log. */
    public static void setRequiresEncryption(Workspace ws, boolean on) {
        boolean before = requiresEncryption(ws);
        if (before == on) {
            return;
        }
        ws.database().write(c -> {
            ws.meta().put(MetaRepository.REQUIRE_ENCRYPTION, String.valueOf(on));
            ws.audit().append("policy", MetaRepository.REQUIRE_ENCRYPTION, String.valueOf(before), String.valueOf(on),
                    "", java.util.Map.of("op", "requireEncryption", "after", String.valueOf(on)));
            return null;
        });
    }

    /** Refuses a unit's package in the clear when the setting is on. */
    public static void checkEncryption(Workspace ws, Manifest m) {
        if (!m.sealed() && !m.kind().fromOffice() && m.kind() != org.perfdesk.exchange.pkg.PackageKind.ENROLLMENT
                && requiresEncryption(ws)) {
            throw new PackageException("encryption-required", m.sender().code());
        }
    }
}
