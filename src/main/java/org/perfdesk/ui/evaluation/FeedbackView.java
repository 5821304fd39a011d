package org.perfdesk.ui.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.RectificationItem;
import org.perfdesk.domain.Texts;
import org.perfdesk.evaluation.Evaluator;
import org.perfdesk.evaluation.Rectifications;
import org.perfdesk.exchange.Feedbacks;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Forms;
import org.perfdesk.ui.common.DatePickers;
import org.perfdesk.ui.common.Dialogs;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.TableKeys;
import org.perfdesk.ui.common.WorkspaceContext;
import org.perfdesk.ui.common.DetailsSplit;
import org.perfdesk.ui.common.Layouts;
import org.perfdesk.ui.common.NarrowColumns;

/**
 * 反馈整改 (office): per unit, the rectification items the office found, sent back in a signed
 * feedback package, and followed to closure as the unit's rectification plans come in: the unit's
 * measure, owner, date, status and evidence beside each item; 销号 or 退回 with a reason.
 */
public final class FeedbackView implements Screen {
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    /** A unit's line: how many items, its feedback sent or not, how many the unit reports done, how many closed. */
    public record UnitLine(OrgUnit unit, int items, boolean allSent, int done, int closed) {
    }

    private final WorkspaceContext ctx;
    private final BorderPane root = new BorderPane();
    private final ObservableList<UnitLine> units = FXCollections.observableArrayList();
    private final ObservableList<RectificationItem> items = FXCollections.observableArrayList();
    private final TableView<UnitLine> unitTable = new TableView<>(units);
    private final TableView<RectificationItem> itemTable = new TableView<>(items);

    public FeedbackView(WorkspaceContext ctx) {
        this.ctx = ctx;
        Label title = Styles.screen(root, "screen-feedback", Texts.t("nav.feedback"));
        Label hint = new Label(Texts.t("feedback.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        root.setTop(new VBox(4, title, hint));

        unitTable.setId("feedback-units");
        unitTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        unitTable.setPlaceholder(new Label(Texts.t("review.empty")));
        var unitName = Columns.<UnitLine>text("results.col.unit", 125, l -> l.unit().name());
        unitName.setMinWidth(110); // the unit is what the list is for: its name before the counts
        unitTable.getColumns().add(unitName);
        unitTable.getColumns().add(Columns.text("feedback.col.items", 40, l -> String.valueOf(l.items())));
        unitTable.getColumns().add(Columns.text("feedback.col.sent", 45,
                l -> Texts.t(l.allSent() ? "feedback.sent" : "feedback.notSent")));
        unitTable.getColumns().add(Columns.text("feedback.col.done", 50, l -> String.valueOf(l.done())));
        unitTable.getColumns().add(Columns.text("feedback.col.closed", 50, l -> String.valueOf(l.closed())));
        NarrowColumns.install(unitTable, unitTable.getColumns(), List.of(unitTable.getColumns().get(4),
                unitTable.getColumns().get(3)));
        unitTable.getSelectionModel().selectedItemProperty().addListener((o, a, l) -> loadItems());

        itemTable.setId("feedback-items");
        itemTable.setPlaceholder(new Label(Texts.t("feedback.noItems")));
        itemTable.getColumns().add(Columns.text("feedback.col.number", 40, i -> String.valueOf(i.number())));
        itemTable.getColumns().add(Columns.text("feedback.col.finding", 200, RectificationItem::finding));
        itemTable.getColumns().add(Columns.text("feedback.col.requirement", 150, RectificationItem::requirement));
        itemTable.getColumns().add(Columns.wholeDates(Columns.text("feedback.col.due", 86,
                i -> i.due() == null ? "" : i.due().toString())));
        itemTable.getColumns().add(Columns.text("feedback.col.measure", 160, RectificationItem::measure));
        itemTable.getColumns().add(Columns.text("feedback.col.owner", 90, RectificationItem::owner));
        itemTable.getColumns().add(Columns.text("feedback.col.status", 70,
                i -> Texts.t("feedback.status." + i.status().name())));
        itemTable.getColumns().add(Columns.text("feedback.col.evidence", 45, i -> String.valueOf(i.evidence().size())));
        itemTable.getColumns().add(Columns.text("feedback.col.closure", 150, FeedbackView::closure));
        itemTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var selected = itemTable.getSelectionModel().selectedItemProperty();
        TableKeys.openAndRemove(itemTable, this::edit, this::delete);
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (NEW.match(e)) {
                e.consume();
                edit(null);
            }
        });

        var noUnit = unitTable.getSelectionModel().selectedItemProperty().isNull();
        Button add = new Button(Texts.t("feedback.add") + "…");
        add.setId("feedback-add");
        add.disableProperty().bind(noUnit);
        add.setOnAction(e -> edit(null));
        Button change = new Button(Texts.t("feedback.edit") + "…");
        change.disableProperty().bind(selected.isNull());
        change.setOnAction(e -> edit(selected.get()));
        Button close = new Button(Texts.t("feedback.close") + "…");
        close.setId("feedback-close");
        close.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || selected.get().closed(), selected));
        close.setOnAction(e -> closure(selected.get(), true));
        Button reopen = new Button(Texts.t("feedback.reopen") + "…");
        reopen.disableProperty().bind(selected.isNull());
        reopen.setOnAction(e -> closure(selected.get(), false));
        Button send = new Button(Texts.t("feedback.send") + "…");
        send.setId("feedback-send");
        send.getStyleClass().add("primary");
        send.disableProperty().bind(noUnit);
        send.setOnAction(e -> send());
        Button letter = new Button(Texts.t("feedback.letter"));
        letter.setId("feedback-letter");
        letter.disableProperty().bind(noUnit);
        letter.setOnAction(e -> letter());
        javafx.scene.layout.FlowPane actions = Layouts.toolbar(add, change, close, reopen, send, letter);
        VBox right = new VBox(4, actions, itemTable);
        VBox.setVgrow(itemTable, Priority.ALWAYS);
        root.setCenter(DetailsSplit.listFirst(unitTable, AssessmentView.UNITS_MIN_WIDTH, AssessmentView.UNITS_WIDTH,
                right, AssessmentView.WORK_MIN_WIDTH));
    }

    static String closure(RectificationItem i) {
        if (i.closed()) {
            return Texts.t("feedback.closedOn", i.closedAt().atZone(java.time.ZoneId.systemDefault()).toLocalDate()
                    .toString(), i.closedReason());
        }
        return i.closedReason() == null ? "" : Texts.t("feedback.reopened", i.closedReason());
    }

    private OrgUnit unit() {
        UnitLine l = unitTable.getSelectionModel().getSelectedItem();
        return l == null ? null : l.unit();
    }

    private void load() {
        int year = ctx.year();
        OrgUnit was = unit();
        ctx.tasks().run(Texts.t("task.loadFeedback"), () -> {
            List<UnitLine> out = new ArrayList<>();
            Rectifications r = new Rectifications(ctx.workspace());
            // Sent: a feedback package went to the unit for the year, and no item was added since.
            java.util.Set<String> fedBack = new java.util.HashSet<>();
            ctx.workspace().packages().findOutgoing().stream()
                    .filter(p -> p.kind().equals(org.perfdesk.exchange.pkg.PackageKind.FEEDBACK.name())
                            && p.year() == year)
                    .forEach(p -> fedBack.add(p.recipientCode()));
            for (OrgUnit u : new Evaluator(ctx.workspace()).units(year)) {
                List<RectificationItem> its = r.of(u.code(), year);
                out.add(new UnitLine(u, its.size(), fedBack.contains(u.code())
                        && its.stream().allMatch(i -> i.sentIn() != null),
                        (int) its.stream().filter(i -> i.status() == RectificationItem.Status.DONE).count(),
                        (int) its.stream().filter(RectificationItem::closed).count()));
            }
            return out;
        }, loaded -> {
            units.setAll(loaded);
            if (was != null) {
                loaded.stream().filter(l -> l.unit().code().equals(was.code())).findFirst()
                        .ifPresent(l -> unitTable.getSelectionModel().select(l));
            }
        });
    }

    private void loadItems() {
        OrgUnit u = unit();
        if (u == null) {
            items.clear();
            return;
        }
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.loadFeedback"), () -> new Rectifications(ctx.workspace()).of(u.code(), year),
                items::setAll);
    }

    private void changed() {
        ctx.saved();
        load();
    }

    private void edit(RectificationItem existing) {
        OrgUnit u = unit();
        if (u == null) {
            return;
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle(Texts.t(existing == null ? "feedback.add" : "feedback.edit"));
        dialog.setHeaderText(u.name());
        dialog.getDialogPane().setId("feedback-dialog");
        TextArea finding = new TextArea(existing == null ? "" : existing.finding());
        finding.setId("feedback-finding");
        finding.setPrefRowCount(3);
        finding.setWrapText(true);
        TextArea requirement = new TextArea(existing == null ? "" : existing.requirement());
        requirement.setId("feedback-requirement");
        requirement.setPrefRowCount(2);
        requirement.setWrapText(true);
        DatePicker due = DatePickers.typed(ctx::year);
        due.setValue(existing == null ? new org.perfdesk.evaluation.Rectifications(ctx.workspace())
                .defaultDue(ctx.year(), LocalDate.now()) : existing.due());
        TextField reason = new TextField();
        reason.setId("feedback-reason");
        boolean sent = existing != null && existing.sentIn() != null;
        reason.setPromptText(Texts.t(sent ? "inspection.reasonRequired" : "inspection.reasonOptional"));
        GridPane form = Forms.grid();
        form.addRow(0, new Label(Texts.t("feedback.col.finding")), finding);
        form.addRow(1, new Label(Texts.t("feedback.col.requirement")), requirement);
        form.addRow(2, new Label(Texts.t("feedback.col.due")), due);
        form.addRow(3, new Label(Texts.t("inspection.reason")), reason);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().setPrefWidth(560);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(Bindings.createBooleanBinding(
                () -> finding.getText().isBlank() || sent && reason.getText().isBlank() || !DatePickers.readable(due),
                finding.textProperty(), reason.textProperty(), due.getEditor().textProperty()));
        dialog.setOnShown(e -> finding.requestFocus());
        // Typed text comes back if the dialog is closed unsaved or the save fails.
        String draft = "feedback:" + u.code() + ":" + (existing == null ? "new" : existing.id());
        if (ctx.drafts().restore(draft, finding, requirement, reason)) {
            dialog.setHeaderText(u.name() + "\n" + Texts.t("drafts.restored"));
        }
        dialog.setOnHidden(e -> ctx.drafts().keep(draft, finding, requirement, reason));
        if (dialog.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
            return;
        }
        int year = ctx.year();
        LocalDate dueDate = DatePickers.value(due, Texts.t("feedback.col.due"));
        ctx.tasks().run(Texts.t("task.saveFeedback"), () -> {
            Rectifications r = new Rectifications(ctx.workspace());
            return existing == null ? r.add(u.code(), year, finding.getText(), requirement.getText(), dueDate)
                    : r.edit(existing, finding.getText(), requirement.getText(), dueDate, reason.getText());
        }, x -> {
            ctx.drafts().done(draft);
            changed();
        });
    }

    private void delete(RectificationItem item) {
        ctx.tasks().run(Texts.t("task.saveFeedback"), () -> {
            new Rectifications(ctx.workspace()).delete(item);
            return null;
        }, x -> changed());
    }

    private void closure(RectificationItem item, boolean close) {
        String key = close ? "feedback.close" : "feedback.reopen";
        Dialogs.askReason(root.getScene().getWindow(), "feedback-closure-dialog", Texts.t(key),
                Texts.t(key + "Header", item.number(), item.finding()), Texts.t("inspection.reason"))
                .ifPresent(reason -> ctx.tasks().run(Texts.t("task.saveFeedback"), () -> {
                    Rectifications r = new Rectifications(ctx.workspace());
                    return close ? r.close(item, reason) : r.reopen(item, reason);
                }, x -> changed()));
    }

    /** Writes the unit's feedback (its items and closures) as a signed package to the outbox. */
    private void send() {
        OrgUnit u = unit();
        var window = root.getScene().getWindow();
        int year = ctx.year();
        if (!org.perfdesk.ui.common.Refusals.clear(window, ctx,
                org.perfdesk.ui.common.Preconditions.answerToUnit(ctx.workspace(), u))) {
            return;
        }
        Dialogs.withSigner(window, ctx, signer -> ctx.tasks().run(Texts.t("task.sendFeedback"),
                () -> Feedbacks.send(ctx.workspace(), signer, org.perfdesk.report.FeedbackResults.approved(
                        ctx.workspace(), u.code(), year), ctx.workspace().outboxDir()).file(),
                file -> {
                    changed();
                    Messages.info(window, Texts.t("feedback.sentTitle"), Texts.t("review.doneText", u.name(),
                            file.toAbsolutePath().toString()));
                }));
    }

    /** The feedback letter (反馈函) to print beside the package: date and 文号, then the file. */
    private void letter() {
        OrgUnit u = unit();
        var window = root.getScene().getWindow();
        int year = ctx.year();
        String title = Texts.t("feedbackDoc.title", String.valueOf(year), u.name());
        org.perfdesk.ui.common.IssueDialog.ask(window, ctx, org.perfdesk.report.Documents.FEEDBACK, title, u.name(),
                issue -> {
                    javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
                    chooser.setTitle(Texts.t("feedback.letter"));
                    chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Word", "*.docx"));
                    chooser.setInitialFileName(title + ".docx");
                    java.io.File file = chooser.showSaveDialog(window);
                    if (file != null) {
                        ctx.tasks().run(Texts.t("task.exportLetter"), () -> {
                            org.perfdesk.report.docx.FeedbackDocx.export(ctx.workspace(), u.code(), year, issue,
                                    file.toPath());
                            return file;
                        }, f -> Messages.info(window, Texts.t("results.ui.exported"), f.getAbsolutePath()));
                    }
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
