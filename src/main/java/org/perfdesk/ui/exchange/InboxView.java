package org.perfdesk.ui.exchange;

import java.io.File;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.SafeText;
import org.perfdesk.exchange.Enrollments;
import org.perfdesk.exchange.intake.EnrollmentHandler;
import org.perfdesk.ui.common.Dialogs;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.PackageReceiver;
import org.perfdesk.ui.common.Preconditions;
import org.perfdesk.ui.common.Refusals;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.WorkspaceContext;
import org.perfdesk.ui.common.Layouts;

/** 收件 for the office (and collectors): import with preview, register units, history with diffs. */
public final class InboxView implements Screen, PackageReceiver {
    private final WorkspaceContext ctx;
    private final HistoryViewModel history;
    private final BorderPane root = new BorderPane();
    private final ImportPanel panel;

    public InboxView(WorkspaceContext ctx) {
        this.ctx = ctx;
        this.history = new HistoryViewModel(ctx);
        Label title = Styles.screen(root, "screen-inbox", Texts.t("nav.inbox"));
        Button enroll = new Button(Texts.t("inbox.enroll"));
        enroll.setId("inbox-enroll");
        enroll.setOnAction(e -> enroll());
        HBox top = new HBox(16, title, enroll);
        top.getStyleClass().add("toolbar");
        root.setTop(top);
        panel = new ImportPanel(new ImportViewModel(ctx, () -> { }), ctx, java.util.Optional::empty);
        Tab importTab = new Tab(Texts.t("inbox.tab.import"), panel);
        Tab historyTab = new Tab(Texts.t("inbox.tab.history"), historyPane());
        importTab.setClosable(false);
        historyTab.setClosable(false);
        historyTab.setOnSelectionChanged(e -> {
            if (historyTab.isSelected()) {
                history.loadUnits();
            }
        });
        TabPane tabs = new TabPane(importTab, historyTab);
        tabs.setId("inbox-tabs");
        root.setCenter(tabs);
    }

    private Node historyPane() {
        ComboBox<OrgUnit> unit = new ComboBox<>(history.units());
        unit.setId("history-unit");
        unit.setConverter(new StringConverter<>() {
            @Override
            public String toString(OrgUnit u) {
                return u == null ? "" : u.code() + "  " + u.name();
            }

            @Override
            public OrgUnit fromString(String s) {
                return null;
            }
        });
        ComboBox<HistoryViewModel.Revision> from = new ComboBox<>(history.revisions());
        from.setId("history-from");
        ComboBox<HistoryViewModel.Revision> to = new ComboBox<>(history.revisions());
        to.setId("history-to");
        unit.valueProperty().addListener((o, old, u) -> history.selectUnit(u));
        history.revisions().addListener((javafx.collections.ListChangeListener<HistoryViewModel.Revision>) c -> {
            int n = history.revisions().size();
            from.setValue(n >= 2 ? history.revisions().get(n - 2) : null);
            to.setValue(n >= 1 ? history.revisions().get(n - 1) : null);
        });
        from.valueProperty().addListener((o, old, v) -> history.compare(from.getValue(), to.getValue()));
        to.valueProperty().addListener((o, old, v) -> history.compare(from.getValue(), to.getValue()));
        ListView<String> diff = new ListView<>(history.diff());
        diff.setId("history-diff");
        diff.setPlaceholder(new Label(Texts.t("history.hint")));
        javafx.scene.layout.FlowPane choose = Layouts.toolbar(Layouts.labelled(Texts.t("history.unit"), unit),
                Layouts.labelled(Texts.t("history.from"), from), Layouts.labelled(Texts.t("history.to"), to));
        VBox box = new VBox(8, choose, diff);
        VBox.setVgrow(diff, Priority.ALWAYS);
        box.getStyleClass().add("tab-body");
        return box;
    }

    /**
     * 登记单位: read the request, compare the fingerprint by phone, choose the parent and ranking group
     * (and confirm a key replacement), register, write the certificate.
     */
    private void enroll() {
        Window owner = root.getScene().getWindow();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.t("inbox.enroll"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.t("import.filter"), "*.perfpkg"));
        File file = chooser.showOpenDialog(owner);
        if (file == null) {
            return;
        }
        Enrollments.Request request;
        EnrollViewModel vm;
        try {
            request = Enrollments.read(file.toPath());
            vm = new EnrollViewModel(ctx.workspace(), request);
        } catch (RuntimeException e) {
            Messages.error(owner, e);
            return;
        }
        // A request registered already is said now, before the check code, folder and passphrase.
        if (!Refusals.clear(owner, ctx, Preconditions.enrollment(ctx.workspace(), request))) {
            return;
        }
        EnrollDialog.ask(owner, vm).ifPresent(decision -> {
            try {
                EnrollmentHandler.check(ctx.workspace(), request.enrollment(), decision);
            } catch (RuntimeException e) {
                Messages.error(owner, e);
                return;
            }
            DirectoryChooser target = new DirectoryChooser();
            target.setTitle(Texts.t("inbox.certificateTarget"));
            File folder = target.showDialog(owner);
            if (folder == null) {
                return;
            }
            Dialogs.withSigner(owner, ctx, signer -> ctx.tasks().run(Texts.t("task.enroll"),
                    () -> Enrollments.accept(ctx.workspace(), signer, file.toPath(), decision, folder.toPath()),
                    written -> {
                        ctx.saved();
                        Messages.info(owner, Texts.t("inbox.enrolled", SafeText.escaped(request.unitName())),
                                Texts.t("cli.enroll.accepted", request.unitCode(), SafeText.escaped(request.unitName()),
                                        written.file().toAbsolutePath().toString()));
                    }));
        });
    }

    @Override
    public void preview(java.util.List<java.nio.file.Path> files) {
        panel.preview(files);
    }

    @Override
    public Node view() {
        return root;
    }
}
