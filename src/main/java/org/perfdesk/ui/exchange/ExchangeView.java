package org.perfdesk.ui.exchange;

import java.io.File;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.ui.common.BlockerNote;
import org.perfdesk.ui.common.Mnemonics;
import org.perfdesk.ui.common.Dialogs;
import org.perfdesk.ui.common.KindNames;
import org.perfdesk.ui.common.Preconditions;
import org.perfdesk.ui.common.Refusals;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.PackageReceiver;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.WorkspaceContext;
import org.perfdesk.ui.common.Layouts;

/** 数据交换 for a unit: set-up with the office, export to a USB stick, import answers, history. */
public final class ExchangeView implements Screen, PackageReceiver {
    private final ExchangeViewModel vm;
    private final WorkspaceContext ctx;
    private final BorderPane root = new BorderPane();
    private final ImportPanel importPanel;
    private final TabPane tabs;

    public ExchangeView(ExchangeViewModel vm, WorkspaceContext ctx) {
        this.vm = vm;
        this.ctx = ctx;
        Label title = Styles.screen(root, "screen-exchange", Texts.t("nav.exchange"));
        root.setTop(title);

        // The office's answers are checked against its key: its key file comes first.
        importPanel = new ImportPanel(vm.importer(), ctx, () -> Preconditions.answersFromOffice(ctx.workspace()));
        tabs = new TabPane(
                tab("exchange.tab.send", sendPane()),
                tab("exchange.tab.receive", importPanel),
                tab("exchange.tab.history", historyTable()),
                tab("exchange.tab.setup", setupPane()));
        tabs.setId("exchange-tabs");
        root.setCenter(tabs);
    }

    private static Tab tab(String key, Node content) {
        Tab t = new Tab(Texts.t(key), content);
        t.setClosable(false);
        return t;
    }

    private Node sendPane() {
        ComboBox<PackageKind> kind = new ComboBox<>();
        kind.setId("export-kind");
        for (PackageKind k : PackageKind.values()) {
            if (k.carriesSnapshot()) {
                kind.getItems().add(k);
            }
        }
        kind.setValue(PackageKind.PLAN);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(PackageKind k) {
                return k == null ? "" : KindNames.label(k.cliName());
            }

            @Override
            public PackageKind fromString(String s) {
                return null;
            }
        });
        Button export = Mnemonics.set(new Button(Texts.t("exchange.export")), 'E');
        export.setId("export-button");
        export.getStyleClass().add("primary");
        export.setOnAction(e -> chooseAndExport(kind.getValue()));
        Label hint = new Label(Texts.t("exchange.exportHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        javafx.scene.control.CheckBox plain = new javafx.scene.control.CheckBox(Texts.t("exchange.plain"));
        plain.setId("export-plain");
        plain.selectedProperty().bindBidirectional(vm.plainProperty());
        Label sealing = new Label();
        sealing.setId("export-sealing");
        sealing.setWrapText(true);
        sealing.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.plainProperty().get()
                ? Texts.t("exchange.plainWarning") : Texts.t("exchange.sealedFor", vm.officeNameProperty().get()),
                vm.plainProperty(), vm.officeNameProperty()));
        vm.plainProperty().addListener((o, was, now) -> {
            sealing.getStyleClass().remove("warning");
            if (now) {
                sealing.getStyleClass().add("warning");
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(Texts.t("exchange.kind")), kind);
        Label year = new Label();
        year.textProperty().bind(ctx.yearProperty().asString());
        grid.addRow(1, new Label(Texts.t("header.year")), year);
        Label review = new Label();
        review.setId("exchange-review");
        review.setWrapText(true);
        review.textProperty().bind(vm.reviewProperty());
        grid.addRow(2, new Label(Texts.t("exchange.review")), review);
        // What would refuse the export is said here already, with a link to where it is put right.
        BlockerNote blocked = new BlockerNote(ctx, "export-blocked");
        Runnable check = () -> blocked.show(Preconditions.unitExport(ctx.workspace(), kind.getValue(), ctx.year(),
                kind.getValue() == PackageKind.ENROLLMENT || vm.plainProperty().get()));
        kind.valueProperty().addListener((o, a, b) -> check.run());
        vm.plainProperty().addListener((o, a, b) -> check.run());
        vm.officeProperty().addListener((o, a, b) -> check.run());
        vm.officeEncryptionProperty().addListener((o, a, b) -> check.run());
        vm.history().addListener((javafx.collections.ListChangeListener<ExchangeViewModel.HistoryRow>) c -> check.run());
        VBox box = new VBox(12, grid, plain, sealing, blocked, export, hint);
        box.getStyleClass().add("tab-body");
        return box;
    }

    /**
     * What the export needs is checked first (the office's key file, the year, the office's encryption
     * key); only then are the folder and the passphrase asked for.
     */
    private void chooseAndExport(PackageKind kind) {
        Window owner = root.getScene().getWindow();
        boolean plain = kind == PackageKind.ENROLLMENT || vm.plainProperty().get();
        if (!Refusals.clear(owner, ctx, Preconditions.unitExport(ctx.workspace(), kind, ctx.year(), plain))) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Texts.t("exchange.chooseTarget"));
        File folder = chooser.showDialog(owner);
        if (folder == null) {
            return;
        }
        int year = ctx.year();
        Dialogs.withSigner(owner, ctx, signer -> vm.export(signer, kind, year, folder.toPath(), written ->
                Messages.info(owner, Texts.t("exchange.exported"), Texts.t("cli.export.done",
                        written.file().toAbsolutePath().toString(), written.manifest().sequence(), written.fileSize(),
                        written.fileHash()))));
    }

    private Node historyTable() {
        TableView<ExchangeViewModel.HistoryRow> table = new TableView<>(vm.history());
        table.setId("exchange-history");
        table.setPlaceholder(new Label(Texts.t("exchange.noHistory")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Columns.wholeDates(Columns.text("exchange.col.date", 100, ExchangeViewModel.HistoryRow::date)));
        table.getColumns().add(Columns.text("exchange.col.direction", 60, ExchangeViewModel.HistoryRow::direction));
        table.getColumns().add(Columns.text("exchange.col.kind", 130, ExchangeViewModel.HistoryRow::kind));
        table.getColumns().add(Columns.text("exchange.col.counterpart", 180, ExchangeViewModel.HistoryRow::counterpart));
        table.getColumns().add(Columns.text("exchange.col.sequence", 50, r -> String.valueOf(r.sequence())));
        table.getColumns().add(Columns.text("exchange.col.receipt", 140, ExchangeViewModel.HistoryRow::receipt));
        table.getColumns().add(Columns.text("exchange.col.file", 220, ExchangeViewModel.HistoryRow::file));
        return table;
    }

    private Node setupPane() {
        Label own = new Label();
        own.setId("exchange-own-key");
        own.textProperty().bind(vm.ownKeyProperty());
        own.getStyleClass().add("fingerprint");
        Label office = new Label();
        office.setId("exchange-office");
        office.textProperty().bind(vm.officeProperty());
        office.setWrapText(true);
        Label cert = new Label();
        cert.setId("exchange-certificate");
        cert.textProperty().bind(vm.certificateProperty());
        Button pin = new Button(Texts.t("exchange.pinCard"));
        pin.setId("exchange-pin");
        pin.setOnAction(e -> pinCard());
        Button request = new Button(Texts.t("exchange.request"));
        request.setId("exchange-request");
        request.setOnAction(e -> chooseAndExport(PackageKind.ENROLLMENT));
        Label steps = new Label(Texts.t("exchange.setupSteps"));
        steps.setWrapText(true);
        steps.getStyleClass().add("hint");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(Texts.t("exchange.ownKey")), own);
        grid.addRow(1, new Label(Texts.t("exchange.office")), office);
        grid.addRow(2, new Label(Texts.t("exchange.certificateStatus")), cert);
        Label encryption = new Label();
        encryption.setId("exchange-office-encryption");
        encryption.setWrapText(true);
        encryption.textProperty().bind(vm.officeEncryptionProperty());
        grid.addRow(3, new Label(Texts.t("exchange.officeEncryption")), encryption);
        VBox box = new VBox(12, grid, Layouts.toolbar(pin, request), steps);
        box.getStyleClass().add("tab-body");
        return box;
    }

    private void pinCard() {
        Window owner = root.getScene().getWindow();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.t("exchange.pinCard"));
        File file = chooser.showOpenDialog(owner);
        if (file == null) {
            return;
        }
        try {
            var card = KeyRegistry.readCard(file.toPath());
            Dialogs.askFingerprint(owner, card.name(), card.fingerprint()).ifPresent(typed -> {
                if (vm.pinMakesKeys(card)) {
                    // The office uses other algorithms (国密, or it moved for a new year): keys of them are made.
                    Dialogs.askPassphrase(owner, Texts.t("exchange.pinNewSuite", KeyRegistry.suiteOf(card).label()))
                            .ifPresent(p -> vm.pinCard(card, typed, p));
                } else {
                    vm.pinCard(card, typed);
                }
            });
        } catch (RuntimeException e) {
            Messages.error(owner, e);
        }
    }


    @Override
    public void preview(java.util.List<java.nio.file.Path> files) {
        tabs.getSelectionModel().select(1);
        importPanel.preview(files);
    }

    /** Parts a refusal or a screen may send the user to: "send" (报送), "receive" (导入答复), "setup" (登记与密钥). */
    @Override
    public void reveal(String part) {
        switch (part) {
            case "send" -> tabs.getSelectionModel().select(0);
            case "receive" -> tabs.getSelectionModel().select(1);
            case "setup" -> tabs.getSelectionModel().select(3);
            default -> { }
        }
    }

    /** For tests: the state behind the screen. */
    ExchangeViewModel viewModel() {
        return vm;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void refresh() {
        vm.load();
    }
}
