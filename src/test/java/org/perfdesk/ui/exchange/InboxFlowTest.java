package org.perfdesk.ui.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.demo.DemoBuilder;
import org.perfdesk.store.Workspace;
import org.perfdesk.ui.ShellTest;

/** The office takes the demo's USB folder: preview, confirm with the passphrase, receipts written. */
class InboxFlowTest extends ShellTest {
    @TempDir
    static Path demoDir;
    private static DemoBuilder demo;

    @BeforeAll
    static void buildDemo() {
        demo = DemoBuilder.bundled();
        demo.build(demoDir, "test");
    }

    @Test
    void aPackageOpenedWhileTheWindowIsOpenIsPreviewedInTheInbox() throws Exception {
        open(demo.folderOf(demoDir, demo.office().code()));
        Path pkg;
        try (Stream<Path> usb = Files.list(demoDir.resolve(DemoBuilder.USB_FOLDER))) {
            pkg = usb.filter(p -> p.getFileName().toString().contains("-plan-")).sorted().findFirst().orElseThrow();
        }
        // What a double-click on the file does when PerfDesk is already open (SingleInstance hands it over).
        interact(() -> shell.receive(List.of(pkg)));
        waitUntil("the inbox", () -> !lookup("#import-table").queryAll().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<ImportReport> table = lookup("#import-table").queryAs(TableView.class);
        // The package is sealed: it waits for the passphrase, which is asked for at once (unless the
        // other test of this class imported it already: that is known before anything is decrypted).
        waitUntil("the first preview", () -> table.getItems().size() == 1);
        if ("key-locked".equals(table.getItems().get(0).code())) {
            enterPassphrase();
        } else {
            assertThat(table.getItems().get(0).status()).isEqualTo(ImportReport.Status.ALREADY_IMPORTED);
        }
        waitUntil("the preview", () -> table.getItems().size() == 1
                && !"key-locked".equals(table.getItems().get(0).code()));
        assertThat(table.getItems().get(0).file()).isEqualTo(pkg.getFileName().toString());
        // Accepted, or already imported when the other test of this class ran first on the same demo.
        assertThat(table.getItems().get(0).status()).as(table.getItems().get(0).message())
                .isIn(ImportReport.Status.ACCEPTED, ImportReport.Status.ALREADY_IMPORTED);
        assertThat(table.getItems().get(0).dryRun()).isTrue();
        assertThat(lookup("#nav").queryListView().getSelectionModel().getSelectedIndex()).isEqualTo(1);
    }

    @Test
    void officeImportsTheUsbFolderAfterAPreview() throws Exception {
        open(demo.folderOf(demoDir, demo.office().code()));
        clickOn("#nav-inbox");
        waitUntil("the inbox", () -> !lookup("#import-panel").queryAll().isEmpty());
        ImportPanel panel = lookup("#import-panel").queryAs(ImportPanel.class);
        @SuppressWarnings("unchecked")
        TableView<ImportReport> table = lookup("#import-table").queryAs(TableView.class);

        interact(() -> panel.preview(List.of(demoDir.resolve(DemoBuilder.USB_FOLDER))));
        enterPassphrase();
        waitUntil("the preview", () -> table.getItems().size() == 21
                && table.getItems().stream().noneMatch(r -> "key-locked".equals(r.code())));
        assertThat(table.getItems()).allSatisfy(r -> {
            assertThat(r.status()).as(r.message()).isEqualTo(ImportReport.Status.ACCEPTED);
            assertThat(r.dryRun()).isTrue();
        });
        assertThat(lookup("#import-summary").queryAs(Label.class).getText()).startsWith("预览：21 个可接收");
        assertThat(shell.current().workspace().goals().count("SLT", 2008)).isZero();
        @SuppressWarnings("unchecked")
        ListView<String> details = lookup("#import-details").queryAs(ListView.class);
        assertThat(details.getItems()).anyMatch(l -> l.startsWith("• 新增："));

        // The keys were unlocked for the preview: the receipts are signed without asking again.
        clickOn("#import-commit");
        waitUntil("the import", () -> lookup("#import-summary").queryAs(Label.class).getText().startsWith("完成"));

        assertThat(lookup("#import-summary").queryAs(Label.class).getText())
                .startsWith("完成：接收 21 个，已导入过 0 个，拒收 0 个。").contains("已在发件箱（outbox 文件夹）中生成 21 份回执");
        Workspace office = shell.current().workspace();
        for (var u : demo.units()) {
            assertThat(office.goals().count(u.code(), 2008)).as(u.code()).isPositive();
        }
        try (Stream<Path> out = Files.list(office.outboxDir())) {
            assertThat(out.filter(p -> p.getFileName().toString().contains("-receipt-"))).hasSize(21);
        }
    }

    private void enterPassphrase() {
        waitUntil("the passphrase dialog", () -> !lookup("#unlock-passphrase").queryAll().isEmpty());
        clickOn("#unlock-passphrase").write(DemoBuilder.PASSPHRASE);
        clickOn(lookup(".dialog-pane .button").match(b -> b instanceof javafx.scene.control.Button bt
                && bt.isDefaultButton()).queryButton());
    }

    @Test
    void aUnitExportsEncryptedUnlessItTicksNoEncryption() throws Exception {
        open(demo.folderOf(demoDir, "NYT"));
        clickOn("#nav-exchange");
        Label sealing = lookup("#export-sealing").queryAs(Label.class);
        waitUntil("the office's name", () -> sealing.getText().contains("效能"));
        assertThat(sealing.getText()).startsWith("数据包将加密：只有").endsWith("和本单位能打开。");
        assertThat(lookup("#exchange-office-encryption").queryAs(Label.class).getText()).startsWith("已获得（核对码");
        ExchangeView view = (ExchangeView) lookup("#screen-exchange").query().getProperties()
                .get(org.perfdesk.ui.common.Screen.class);
        var ctx = shell.current();
        var signer = ctx.unlock(DemoBuilder.PASSPHRASE.toCharArray());
        Path sealedDir = Files.createDirectories(demoDir.resolve("out-sealed"));
        Path plainDir = Files.createDirectories(demoDir.resolve("out-plain"));

        interact(() -> view.viewModel().export(signer, org.perfdesk.exchange.pkg.PackageKind.PROGRESS, 2008, sealedDir,
                w -> { }));
        waitUntil("the sealed package", () -> count(sealedDir) == 1);
        clickOn("#export-plain");
        assertThat(sealing.getText()).contains("不加密");
        interact(() -> view.viewModel().export(signer, org.perfdesk.exchange.pkg.PackageKind.PROGRESS, 2008, plainDir,
                w -> { }));
        waitUntil("the plain package", () -> count(plainDir) == 1);

        assertThat(format(sealedDir)).isEqualTo("perfdesk-package/2");
        assertThat(format(plainDir)).isEqualTo("perfdesk-package/1");
    }

    private static long count(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".perfpkg")).count();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static String format(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            Path file = s.filter(p -> p.toString().endsWith(".perfpkg")).findFirst().orElseThrow();
            return org.perfdesk.exchange.pkg.PackageReader.readWithoutSignature(file,
                    org.perfdesk.exchange.pkg.Limits.DEFAULT).manifest().format();
        }
    }

    @Test
    void aUnitSeesWhatItSentAndItsCertificate() {
        open(demo.folderOf(demoDir, "SLT"));
        clickOn("#nav-exchange");
        javafx.scene.control.TabPane tabs = lookup("#exchange-tabs").queryAs(javafx.scene.control.TabPane.class);
        interact(() -> tabs.getSelectionModel().select(2));
        @SuppressWarnings("unchecked")
        TableView<ExchangeViewModel.HistoryRow> history = lookup("#exchange-history").queryAs(TableView.class);
        waitUntil("the history", () -> history.getItems().size() == 5);
        assertThat(history.getItems()).extracting(ExchangeViewModel.HistoryRow::kind)
                .containsExactlyInAnyOrder("年绩效总结报告", "半年绩效分析报告", "绩效工作方案", "密钥证书", "登记申请");
        assertThat(lookup("#exchange-certificate").queryAs(Label.class).getText()).isEqualTo("已获上级证书");
        assertThat(lookup("#exchange-review").queryAs(Label.class).getText()).isEqualTo("2008 年度方案尚未收到审核答复。");
        assertThat(lookup("#exchange-own-key").queryAs(Label.class).getText()).matches("([0-9A-F]{4} ){7}[0-9A-F]{4}");
    }
}
