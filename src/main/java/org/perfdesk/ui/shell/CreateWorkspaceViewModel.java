package org.perfdesk.ui.shell;

import java.nio.file.Path;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.perfdesk.domain.Codes;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.ProgramInfo;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.crypto.KeyFile;
import org.perfdesk.exchange.crypto.PassphraseStrength;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.store.AppHome;
import org.perfdesk.store.Workspace;
import org.perfdesk.store.WorkspaceLocation;

/**
 * The fields of a new workspace, page by page as the wizard asks for them (the unit, the office's
 * card, the folder and year, the passphrase), and what is wrong with each page, in words.
 */
public final class CreateWorkspaceViewModel {
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.UNIT);
    private final ObjectProperty<OrgKind> kind = new SimpleObjectProperty<>(OrgKind.DEPARTMENT);
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty parent = new SimpleStringProperty("");
    private final IntegerProperty year = new SimpleIntegerProperty(Workspace.Setup.defaultYear());
    private final StringProperty folder = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty passphraseAgain = new SimpleStringProperty("");
    private final ObjectProperty<Payloads.Card> card = new SimpleObjectProperty<>();
    /** The office's choice of algorithms: 国密 by default in the Chinese interface, international in the English one. */
    private final ObjectProperty<org.perfdesk.exchange.crypto.Suite> suite = new SimpleObjectProperty<>(
            Texts.current().locale().getLanguage().equals("zh") ? org.perfdesk.exchange.crypto.Suite.GM
                    : org.perfdesk.exchange.crypto.Suite.INTL);
    private final StringProperty typedFingerprint = new SimpleStringProperty("");
    private final StringBinding problem;
    private final StringBinding strength;
    private final StringBinding locationWarning;

    public CreateWorkspaceViewModel() {
        // The folder follows the code until the user picks one.
        code.addListener((obs, old, c) -> {
            String previousDefault = defaultFolder(old);
            if (folder.get().isEmpty() || folder.get().equals(previousDefault)) {
                folder.set(defaultFolder(c));
            }
        });
        problem = Bindings.createStringBinding(this::findProblem, fields());
        strength = Bindings.createStringBinding(() -> Texts.current().of(PassphraseStrength.of(passphrase.get())),
                passphrase);
        locationWarning = Bindings.createStringBinding(() -> {
            if (folder.get().isBlank()) {
                return "";
            }
            WorkspaceLocation where = WorkspaceLocation.of(Path.of(folder.get()));
            return where == WorkspaceLocation.LOCAL ? "" : Texts.t("location.warning." + where.name());
        }, folder);
    }

    /** Everything a problem can follow from, for bindings on what is wrong. */
    public javafx.beans.Observable[] fields() {
        return new javafx.beans.Observable[] {role, code, name, parent, year, folder, passphrase, passphraseAgain, card,
            typedFingerprint};
    }

    /** The wizard's pages; the office's card is asked of units only. */
    public enum Page {
        UNIT, CARD, FOLDER, PASSPHRASE
    }

    /** The pages this role goes through, in order. */
    public java.util.List<Page> pages() {
        return role.get() == Role.OFFICE ? java.util.List.of(Page.UNIT, Page.FOLDER, Page.PASSPHRASE)
                : java.util.List.of(Page.UNIT, Page.CARD, Page.FOLDER, Page.PASSPHRASE);
    }

    /** What stops the user from leaving {@code page}, or "" when it is complete. */
    public String problemOn(Page page) {
        Texts t = Texts.current();
        switch (page) {
            case UNIT -> {
                if (!Codes.isValid(code.get().strip())) {
                    return code.get().isBlank() ? t.get("create.needCode") : t.get("cli.init.badCode", code.get());
                }
                if (name.get().isBlank()) {
                    return t.get("create.needName");
                }
                if (role.get() == Role.UNIT && !parent.get().isBlank() && !Codes.isValid(parent.get().strip())) {
                    return t.get("cli.init.badCode", parent.get());
                }
                return "";
            }
            case CARD -> {
                if (card.get() == null) {
                    return "";
                }
                if (!parent.get().isBlank() && !parent.get().strip().equals(card.get().code())) {
                    return t.get("error.trust.otherParent", card.get().code(), parent.get().strip());
                }
                try {
                    KeyRegistry.requireFingerprint(KeyRegistry.suiteOf(card.get()).signingKey(card.get().publicKey()),
                            typedFingerprint.get());
                    return "";
                } catch (UserError e) {
                    return e.getLocalizedMessage();
                }
            }
            case FOLDER -> {
                if (year.get() < 2000 || year.get() > 2100) {
                    return t.get("cli.init.badYear", String.valueOf(year.get()));
                }
                if (folder.get().isBlank()) {
                    return t.get("create.needFolder");
                }
                if (Workspace.isWorkspace(Path.of(folder.get()))) {
                    return t.get("error.workspace.exists", folder.get());
                }
                return "";
            }
            case PASSPHRASE -> {
                if (passphrase.get().length() < KeyFile.MIN_PASSPHRASE_LENGTH) {
                    return t.get("error.key.passphraseTooShort", String.valueOf(KeyFile.MIN_PASSPHRASE_LENGTH));
                }
                if (!passphrase.get().equals(passphraseAgain.get())) {
                    return t.get("error.key.passphraseMismatch");
                }
                return "";
            }
            default -> throw new IllegalStateException(page.name());
        }
    }

    /** Reads the office's card (a {@code .json} file it handed out); its code becomes the parent. */
    public void loadCard(Path file) {
        Payloads.Card read = KeyRegistry.readCard(file);
        typedFingerprint.set("");
        card.set(read);
        if (parent.get().isBlank()) {
            parent.set(read.code());
        }
    }

    public void clearCard() {
        card.set(null);
        typedFingerprint.set("");
    }

    /** The card to pin once the workspace exists, with the fingerprint as typed; null when skipped. */
    public Payloads.Card card() {
        return card.get();
    }

    public ObjectProperty<Payloads.Card> cardProperty() {
        return card;
    }

    public String typedFingerprint() {
        return typedFingerprint.get();
    }

    public StringProperty typedFingerprintProperty() {
        return typedFingerprint;
    }

    /** 弱 / 一般 / 强 for the passphrase as typed. */
    public StringBinding strengthProperty() {
        return strength;
    }

    /** A warning when the folder is on a USB stick or a network share, else "". */
    public StringBinding locationWarningProperty() {
        return locationWarning;
    }

    private static String defaultFolder(String code) {
        return code == null || code.isBlank() ? "" : AppHome.workspacesDir().resolve(code.strip()).toString();
    }

    private String findProblem() {
        for (Page page : pages()) {
            String p = problemOn(page);
            if (!p.isEmpty()) {
                return p;
            }
        }
        return "";
    }

    /** Empty when the fields are complete. */
    public StringBinding problemProperty() {
        return problem;
    }

    public Workspace.Setup toSetup() {
        boolean office = role.get() == Role.OFFICE;
        OrgKind k = office ? OrgKind.OFFICE : kind.get();
        String parentCode = office || parent.get().isBlank() ? null : parent.get().strip();
        OrgUnit self = new OrgUnit(code.get().strip(), name.get(), k, parentCode, RankingGroup.defaultFor(k), null);
        return new Workspace.Setup(role.get(), self, year.get(), ProgramInfo.version());
    }

    public char[] passphrase() {
        return passphrase.get().toCharArray();
    }

    /**
     * The algorithms of the new workspace: an office's choice; a unit's are its office's, from the card
     * (the office's choice of default when no card was given yet: importing one later makes keys of its
     * algorithms).
     */
    public org.perfdesk.exchange.crypto.Suite suite() {
        if (role.get() == Role.UNIT && card.get() != null) {
            return KeyRegistry.suiteOf(card.get());
        }
        return suite.get();
    }

    public ObjectProperty<org.perfdesk.exchange.crypto.Suite> suiteProperty() {
        return suite;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty passphraseAgainProperty() {
        return passphraseAgain;
    }

    public Path folderPath() {
        return Path.of(folder.get());
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public ObjectProperty<OrgKind> kindProperty() {
        return kind;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty parentProperty() {
        return parent;
    }

    public IntegerProperty yearProperty() {
        return year;
    }

    public StringProperty folderProperty() {
        return folder;
    }
}
