package org.perfdesk.ui.common;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.exchange.Signer;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.store.Workspace;

/**
 * What every screen of an open workspace shares: the workspace, its unit and role, the year shown,
 * the background runner and the time of the last save.
 */
public final class WorkspaceContext {
    private final Workspace workspace;
    private final OrgUnit self;
    private final Role role;
    private final TaskRunner tasks;
    private final IntegerProperty year;
    private final ObjectProperty<java.time.LocalDateTime> lastSave = new SimpleObjectProperty<>();
    /** Shows another screen by its navigation id (set by the main window; nothing before that). */
    private java.util.function.Consumer<String> navigator = id -> { };
    /** The signing key once unlocked this session; null until the passphrase is given. */
    private volatile Signer signer;
    /** True while no key backup holds the current encryption key (the status bar and settings warn). */
    private final javafx.beans.property.BooleanProperty keysNeedBackup = new javafx.beans.property.SimpleBooleanProperty();

    public WorkspaceContext(Workspace workspace, TaskRunner tasks) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.self = workspace.self();
        this.role = workspace.role();
        this.year = new SimpleIntegerProperty(workspace.currentYear());
        this.keysNeedBackup.set(WorkspaceKeys.needsBackup(workspace));
    }

    public Workspace workspace() {
        return workspace;
    }

    public OrgUnit self() {
        return self;
    }

    public Role role() {
        return role;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    /** The year the screens show; switching it reloads them. */
    public IntegerProperty yearProperty() {
        return year;
    }

    public int year() {
        return year.get();
    }

    /** The unlocked key, or null. */
    public Signer signer() {
        return signer;
    }

    /** Unlocks the key (slow on purpose: the passphrase is stretched); call off the JavaFX thread. */
    public Signer unlock(char[] passphrase) {
        Signer s = WorkspaceKeys.unlock(workspace, passphrase);
        signer = s;
        return s;
    }

    /** The keys as they are after a restore or a rotation (already unlocked). */
    public void useSigner(Signer s) {
        signer = s;
    }

    /** Whether the status bar and settings warn that the keys are not backed up. */
    public javafx.beans.property.ReadOnlyBooleanProperty keysNeedBackupProperty() {
        return keysNeedBackup;
    }

    /** Looks again after a key backup, restore or rotation; call on the JavaFX thread. */
    public void keysChanged() {
        keysNeedBackup.set(WorkspaceKeys.needsBackup(workspace));
    }

    /** Records that something was saved just now (for the status bar); call on the JavaFX thread. */
    public void saved() {
        lastSave.set(java.time.LocalDateTime.now());
    }

    /** When something was last written to the workspace, for the status bar. */
    public ObjectProperty<java.time.LocalDateTime> lastSaveProperty() {
        return lastSave;
    }

    /** Lets a screen send the user on to another screen (考核结果 → 整改), by its navigation id. */
    public void setNavigator(java.util.function.Consumer<String> navigator) {
        this.navigator = navigator;
    }

    public void navigateTo(String screenId) {
        navigator.accept(screenId);
    }
}
