package org.perfdesk.ui.evaluation;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.AuditSentences;
import org.perfdesk.report.xlsx.AuditWorkbook;
import org.perfdesk.store.AuditLog;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 审计日志: every score, approval, scheme, appraisal, inspection and result change as a sentence in the
 * interface language, with when and who, newest first; the raw entry (for support) below, folded away.
 * 检查完整性 runs the same check as {@code perfdesk audit check} and names the first entry that was
 * changed, removed, put out of order or cut off the end; 导出 Excel writes the log to print.
 */
public final class AuditView implements Screen {
    /** One entry as the screen shows it, worded off the JavaFX thread. */
    public record Row(AuditLog.Entry entry, String time, String who, String kind, String sentence) {
    }

    private final WorkspaceContext ctx;
    private final BorderPane root = new BorderPane();
    private final ObservableList<Row> entries = FXCollections.observableArrayList();
    private final FilteredList<Row> shown = new FilteredList<>(entries);
    private final TableView<Row> table = new TableView<>(shown);
    private final Label verdict = new Label();
    private final TextArea details = new TextArea();
    private Long broken;

    public AuditView(WorkspaceContext ctx) {
        this.ctx = ctx;
        Label title = Styles.screen(root, "screen-audit", Texts.t("nav.audit"));
        Button check = new Button(Texts.t("audit.check"));
        check.setId("audit-check");
        check.setOnAction(e -> check());
        Button export = new Button(Texts.t("audit.export"));
        export.setId("audit-export");
        export.setOnAction(e -> chooseExport());
        TextField search = new TextField();
        search.setId("audit-search");
        search.setPromptText(Texts.t("audit.search"));
        search.textProperty().addListener((o, a, text) -> shown.setPredicate(en -> matches(en, text)));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(8, check, export, gap, search);
        actions.getStyleClass().add("toolbar");
        verdict.setId("audit-verdict");
        verdict.setWrapText(true);
        root.setTop(new VBox(4, title, actions, verdict));

        table.setId("audit-table");
        table.setPlaceholder(new Label(Texts.t("audit.empty")));
        table.getColumns().add(Columns.text("audit.col.seq", 50, r -> String.valueOf(r.entry().seq())));
        TableColumn<Row, String> at = Columns.text("audit.col.at", 135, Row::time);
        at.setMinWidth(118); // the time whole (2026-12-07 13:45): it orders the log
        table.getColumns().add(at);
        table.getColumns().add(Columns.text("audit.col.actor", 110, Row::who));
        table.getColumns().add(Columns.text("audit.col.action", 90, Row::kind));
        TableColumn<Row, String> sentence = Columns.text("audit.col.sentence", 620, Row::sentence);
        sentence.setCellFactory(c -> new TableCell<>() {
            {
                setWrapText(true); // a long sentence (a scheme change) reads whole, over several lines
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        table.getColumns().add(sentence);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("broken-row");
                if (!empty && item != null && broken != null && item.entry().seq() == broken) {
                    getStyleClass().add("broken-row");
                }
            }
        });

        details.setId("audit-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(8);
        details.setPromptText(Texts.t("audit.details.hint"));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> details.setText(raw(row)));
        TitledPane raw = new TitledPane(Texts.t("audit.details"), details);
        raw.setId("audit-details-pane");
        raw.setExpanded(false);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setCenter(new VBox(6, table, raw));
    }

    private static boolean matches(Row r, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String t = text.strip();
        return List.of(r.sentence(), r.kind(), r.who(), r.time(), String.valueOf(r.entry().seq())).stream()
                .anyMatch(f -> f != null && f.contains(t));
    }

    /** The entry as stored, field by field, for whoever helps the office with a question. */
    private static String raw(Row row) {
        if (row == null) {
            return "";
        }
        AuditLog.Entry e = row.entry();
        return Texts.t("audit.details.text", String.valueOf(e.seq()), e.at(), e.actor(), e.action(), e.subject(),
                Objects.toString(e.before(), ""), Objects.toString(e.after(), ""), e.reason(),
                Objects.toString(e.detail(), ""), e.hash(), e.prevHash());
    }

    /** The rows, worded: newest first. */
    static List<Row> rows(org.perfdesk.store.Workspace ws) {
        AuditSentences words = new AuditSentences(ws);
        List<Row> out = new ArrayList<>();
        for (AuditLog.Entry e : ws.audit().recent(Integer.MAX_VALUE)) {
            out.add(new Row(e, AuditSentences.localTime(e.at()), words.who(e), AuditSentences.kind(e),
                    words.sentence(e)));
        }
        return out;
    }

    private void load() {
        ctx.tasks().run(Texts.t("task.loadAudit"), () -> rows(ctx.workspace()), entries::setAll);
    }

    private void check() {
        ctx.tasks().run(Texts.t("task.checkAudit"), () -> ctx.workspace().audit().verify(), this::show);
    }

    private void show(AuditLog.Check c) {
        broken = c.broken().map(AuditLog.Break::seq).orElse(null);
        verdict.getStyleClass().setAll("label", c.intact() ? "hint" : "validation");
        verdict.setText(AuditSentences.verdict(c));
        table.refresh();
        c.broken().ifPresent(b -> entries.stream().filter(r -> r.entry().seq() == b.seq()).findFirst().ifPresent(r -> {
            table.getSelectionModel().select(r);
            table.scrollTo(r);
        }));
    }

    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.t("audit.export"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excel", "*.xlsx"));
        chooser.setInitialFileName(Texts.t("audit.exportName"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            export(file);
        }
    }

    /** Writes the workbook (what choosing a file does); the check runs with it and its result is shown. */
    void export(File file) {
        Texts texts = Texts.current();
        ctx.tasks().run(Texts.t("task.exportXlsx"), () -> AuditWorkbook.write(ctx.workspace(), texts, file.toPath()),
                c -> {
                    show(c);
                    Messages.info(root.getScene().getWindow(), Texts.t("results.ui.exported"),
                            Texts.t("audit.exported", file.getAbsolutePath()));
                });
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void refresh() {
        load();
    }
}
