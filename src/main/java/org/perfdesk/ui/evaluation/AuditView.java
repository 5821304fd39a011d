package org.perfdesk.ui.evaluation;

import java.util.List;
import java.util.Optional;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.perfdesk.domain.Texts;
import org.perfdesk.store.AuditLog;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 审计日志: every score, approval, scheme, appraisal, inspection and result change, with who, when,
 * before, after and why, newest first; 检查完整性 walks the hash chain and names the first entry that
 * was changed, removed or put out of order.
 */
public final class AuditView implements Screen {
    private final WorkspaceContext ctx;
    private final BorderPane root = new BorderPane();
    private final ObservableList<AuditLog.Entry> entries = FXCollections.observableArrayList();
    private final FilteredList<AuditLog.Entry> shown = new FilteredList<>(entries);
    private final TableView<AuditLog.Entry> table = new TableView<>(shown);
    private final Label verdict = new Label();
    private Long broken;

    public AuditView(WorkspaceContext ctx) {
        this.ctx = ctx;
        Label title = Styles.screen(root, "screen-audit", Texts.t("nav.audit"));
        Button check = new Button(Texts.t("audit.check"));
        check.setId("audit-check");
        check.setOnAction(e -> check());
        TextField search = new TextField();
        search.setId("audit-search");
        search.setPromptText(Texts.t("audit.search"));
        search.textProperty().addListener((o, a, text) -> shown.setPredicate(en -> matches(en, text)));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(8, check, gap, search);
        actions.getStyleClass().add("toolbar");
        verdict.setId("audit-verdict");
        verdict.setWrapText(true);
        root.setTop(new VBox(4, title, actions, verdict));

        table.setId("audit-table");
        table.setPlaceholder(new Label(Texts.t("audit.empty")));
        table.getColumns().add(Columns.text("audit.col.seq", 50, en -> String.valueOf(en.seq())));
        table.getColumns().add(Columns.text("audit.col.at", 135, en -> local(en.at())));
        table.getColumns().add(Columns.text("audit.col.actor", 80, AuditLog.Entry::actor));
        table.getColumns().add(Columns.text("audit.col.action", 90, en -> action(en.action())));
        table.getColumns().add(Columns.text("audit.col.subject", 200, AuditLog.Entry::subject));
        table.getColumns().add(Columns.text("audit.col.before", 110, en -> en.before() == null ? "" : en.before()));
        table.getColumns().add(Columns.text("audit.col.after", 160, en -> en.after() == null ? "" : en.after()));
        table.getColumns().add(Columns.text("audit.col.reason", 220, AuditLog.Entry::reason));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditLog.Entry item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("broken-row");
                if (!empty && item != null && broken != null && item.seq() == broken) {
                    getStyleClass().add("broken-row");
                }
            }
        });
        root.setCenter(table);
    }

    private static boolean matches(AuditLog.Entry e, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String t = text.strip();
        return List.of(e.subject(), e.reason(), e.actor(), action(e.action()), String.valueOf(e.before()),
                String.valueOf(e.after())).stream().anyMatch(f -> f != null && f.contains(t));
    }

    static String action(String action) {
        String key = "audit.action." + action;
        return Texts.current().has(key) ? Texts.t(key) : action;
    }

    /** The time as the office reads it: local, to the second. */
    private static String local(String instant) {
        try {
            return java.time.Instant.parse(instant).atZone(java.time.ZoneId.systemDefault()).toLocalDateTime()
                    .withNano(0).toString().replace('T', ' ');
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }

    private void load() {
        ctx.tasks().run(Texts.t("task.loadAudit"), () -> ctx.workspace().audit().recent(Integer.MAX_VALUE),
                entries::setAll);
    }

    private void check() {
        ctx.tasks().run(Texts.t("task.checkAudit"), () -> {
            AuditLog log = ctx.workspace().audit();
            return new Object[] {log.check(), log.all().size()};
        }, r -> {
            @SuppressWarnings("unchecked")
            Optional<AuditLog.Break> br = (Optional<AuditLog.Break>) r[0];
            broken = br.map(AuditLog.Break::seq).orElse(null);
            verdict.getStyleClass().setAll("label", br.isPresent() ? "validation" : "hint");
            verdict.setText(br.map(b -> Texts.t("audit.broken." + b.why(), b.seq()))
                    .orElse(Texts.t("audit.whole", r[1])));
            table.refresh();
            br.ifPresent(b -> entries.stream().filter(en -> en.seq() == b.seq()).findFirst().ifPresent(en -> {
                table.getSelectionModel().select(en);
                table.scrollTo(en);
            }));
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
