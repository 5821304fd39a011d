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
import org.perfdesk.exchange.crypto.KeyFile;
import org.perfdesk.store.AppHome;
import org.perfdesk.store.Workspace;

/** The fields of a new workspace and what is wrong with them, in words. */
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
    private final StringBinding problem;

    public CreateWorkspaceViewModel() {
        // The folder follows the code until the user picks one.
        code.addListener((obs, old, c) -> {
            String previousDefault = defaultFolder(old);
            if (folder.get().isEmpty() || folder.get().equals(previousDefault)) {
                folder.set(defaultFolder(c));
            }
        });
        problem = Bindings.createStringBinding(this::findProblem, role, code, name, parent, year, folder, passphrase,
                passphraseAgain);
    }

    private static String defaultFolder(String code) {
        return code == null || code.isBlank() ? "" : AppHome.workspacesDir().resolve(code.strip()).toString();
    }

    private String findProblem() {
        Texts t = Texts.current();
        if (!Codes.isValid(code.get().strip())) {
            return code.get().isBlank() ? t.get("create.needCode") : t.get("cli.init.badCode", code.get());
        }
        if (name.get().isBlank()) {
            return t.get("create.needName");
        }
        if (role.get() == Role.UNIT && !parent.get().isBlank() && !Codes.isValid(parent.get().strip())) {
            return t.get("cli.init.badCode", parent.get());
        }
        if (year.get() < 2000 || year.get() > 2100) {
            return t.get("cli.init.badYear", String.valueOf(year.get()));
        }
        if (folder.get().isBlank()) {
            return t.get("create.needFolder");
        }
        if (Workspace.isWorkspace(Path.of(folder.get()))) {
            return t.get("error.workspace.exists", folder.get());
        }
        if (passphrase.get().length() < KeyFile.MIN_PASSPHRASE_LENGTH) {
            return t.get("error.key.passphraseTooShort", String.valueOf(KeyFile.MIN_PASSPHRASE_LENGTH));
        }
        if (!passphrase.get().equals(passphraseAgain.get())) {
            return t.get("error.key.passphraseMismatch");
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
