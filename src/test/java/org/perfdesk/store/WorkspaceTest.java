package org.perfdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.UserError;

class WorkspaceTest {
    @TempDir
    Path dir;

    private static Workspace.Setup office() {
        return new Workspace.Setup(Role.OFFICE, new OrgUnit("XNB", "省效能办", OrgKind.OFFICE, null), 2008, "test");
    }

    @Test
    void createMakesTheFoldersOfTheDesign() {
        try (Workspace ws = Workspace.create(dir.resolve("office"), office())) {
            for (String folder : Workspace.FOLDERS) {
                assertThat(ws.dir().resolve(folder)).isDirectory();
            }
            assertThat(ws.dir().resolve(Workspace.DB_FILE)).isRegularFile();
            assertThat(ws.dir().resolve(WorkspaceLock.FILE_NAME)).isRegularFile();
            assertThat(ws.role()).isEqualTo(Role.OFFICE);
        }
    }

    @Test
    void createRefusesAnExistingWorkspace() {
        Workspace.create(dir.resolve("office"), office()).close();
        assertThatThrownBy(() -> Workspace.create(dir.resolve("office"), office()))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.key()).isEqualTo("error.workspace.exists"));
        try (Workspace ws = Workspace.open(dir.resolve("office"))) {
            assertThat(ws.self().code()).isEqualTo("XNB");
        }
    }

    @Test
    void aFailedCreateLeavesNoHalfMadeWorkspace() {
        Path folder = dir.resolve("bad");
        Workspace.Setup badYear = new Workspace.Setup(Role.OFFICE,
                new OrgUnit("XNB", "省效能办", OrgKind.OFFICE, null), 1999, "test");
        assertThatThrownBy(() -> Workspace.create(folder, badYear)).isInstanceOf(UserError.class);
        assertThat(folder.resolve(Workspace.DB_FILE)).doesNotExist();
        // A retry with the mistake fixed works in the same folder.
        try (Workspace ws = Workspace.create(folder, office())) {
            assertThat(ws.currentYear()).isEqualTo(2008);
        }
    }

    @Test
    void nestedWritesAreOneTransaction() {
        try (Workspace ws = Workspace.create(dir.resolve("office"), office())) {
            OrgUnit unit = new OrgUnit("XM", "厦门市人民政府", OrgKind.CITY, "XNB");
            assertThatThrownBy(() -> ws.database().write(c -> {
                ws.orgUnits().save(unit);
                ws.years().open(1999); // violates the year's CHECK: the unit above must not stay
                return null;
            })).isInstanceOf(UserError.class);
            assertThat(ws.orgUnits().find("XM")).isEmpty();
            assertThat(ws.years().findAll()).containsExactly(2008);
        }
    }

    @Test
    void openingAFolderWithoutAWorkspaceSaysSoAndChangesNothing() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("documents"));
        Files.writeString(folder.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> Workspace.open(folder))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.key()).isEqualTo("error.workspace.notFound"));
        try (var files = Files.list(folder)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("notes.txt");
        }
    }

    @Test
    void aForeignDatabaseGetsNoWorkspaceFolders() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(folder.resolve(Workspace.DB_FILE), "not sqlite at all");
        assertThatThrownBy(() -> Workspace.open(folder))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.key()).isEqualTo("error.db.notSqlite"));
        assertThat(folder.resolve("attachments")).doesNotExist();
        // The lock was released: a second attempt gives the same answer, not "in use".
        assertThatThrownBy(() -> Workspace.open(folder))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.key()).isEqualTo("error.db.notSqlite"));
    }

    @Test
    void settingsSurviveAndADamagedSettingsFileGivesDefaults() throws Exception {
        AppSettings s = new AppSettings();
        s.setLanguage("en");
        s.setLastWorkspace("/data/ws");
        s.save(dir);
        AppSettings back = AppSettings.load(dir);
        assertThat(back.getLanguage()).isEqualTo("en");
        assertThat(back.getLastWorkspace()).isEqualTo("/data/ws");

        Files.writeString(dir.resolve(AppSettings.FILE_NAME), "{ truncated");
        assertThat(AppSettings.load(dir).getLanguage()).isEqualTo("zh");
        assertThat(AppSettings.load(dir).getLastWorkspace()).isNull();
    }
}
