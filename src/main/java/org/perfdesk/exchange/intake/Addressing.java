package org.perfdesk.exchange.intake;

import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageException;
import org.perfdesk.store.Workspace;

/** The package is for this workspace, from someone who may send it this kind. */
final class Addressing {
    private Addressing() {
    }

    /**
     * @param expectedRecipient this workspace's unit, or for a forwarded package the collector that forwarded it
     * @param outerId           the forwarding package's id, or null
     */
    static void check(Workspace ws, Manifest m, String expectedRecipient, String outerId) {
        OrgUnit self = ws.self();
        if (!expectedRecipient.equals(m.recipient().code())) {
            throw new PackageException("wrong-recipient", recipientName(ws, m.recipient()));
        }
        String sender = m.sender().code();
        if (outerId == null && sender.equals(self.code())) {
            throw new PackageException("own-package");
        }
        if (m.kind().fromOffice()) {
            if (!sender.equals(self.parentCode())) {
                throw new PackageException("unexpected-sender", sender);
            }
        } else {
            String collector = outerId == null ? self.code() : expectedRecipient;
            OrgUnit unit = ws.orgUnits().find(sender).orElse(null);
            if (unit == null || !collector.equals(unit.parentCode())) {
                throw new PackageException("unexpected-sender", sender);
            }
        }
    }

    /** The recipient as this workspace knows it, else as the package names it. */
    static String recipientName(Workspace ws, Manifest.Party recipient) {
        String known = Chain.unitName(ws, recipient.code());
        if (!known.equals(recipient.code())) {
            return known;
        }
        return recipient.name() == null ? recipient.code()
                : Texts.current().get("pkg.nameWithCode", recipient.name(), recipient.code());
    }
}
