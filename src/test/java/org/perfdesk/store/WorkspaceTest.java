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
