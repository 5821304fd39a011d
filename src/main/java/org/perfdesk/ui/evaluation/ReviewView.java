package org.perfdesk.ui.evaluation;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.PlanReview;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.Mnemonics;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Dialogs;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.goaltree.DiagramDialog;
import org.perfdesk.ui.goaltree.GoalTreeViewModel;
import org.perfdesk.ui.common.DetailsSplit;
import org.perfdesk.ui.common.Layouts;

/**
 * 审核批复: the units' plans and where each stands (not received, awaiting review, approved, returned,
 * changed since approval); the selected unit's tree, its changes against the previous plan and last
 * year, and its earlier answers; 批复同意 and 退回修改, each with a reason, write the signed answer.
 */
public final class ReviewView implements Screen {
    private final ReviewViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<ReviewViewModel.Row> table;
    private final Label detailTitle = new Label();
    private final TreeTableView<GoalNode> tree = new TreeTableView<>();
    private final ListView<String> sincePrevious = new ListView<>();
    private final ListView<String> sinceLastYear = new ListView<>();
    private final ListView<String> reviews = new ListView<>();
    private final javafx.scene.control.TextArea plan = new javafx.scene.control.TextArea();

    public ReviewView(ReviewViewModel vm) {
        this.vm = vm;
        Label title = Styles.screen(root, "screen-review", Texts.t("nav.review"));
        Button approve = Mnemonics.set(new Button(Texts.t("review.approve") + "…"), 'A');
        approve.setId("review-approve");
        approve.setOnAction(e -> decide(PlanReview.Decision.APPROVED));
        Button giveBack = Mnemonics.set(new Button(Texts.t("review.return") + "…"), 'R');
        giveBack.setId("review-return");
        giveBack.setOnAction(e -> decide(PlanReview.Decision.RETURNED));
        Button diagram = Mnemonics.set(new Button(Texts.t("review.diagram")), 'G');
        diagram.setId("review-diagram");
        diagram.setOnAction(e -> DiagramDialog.show(root.getScene().getWindow(), vm.context(),
                vm.detailProperty().get().row().unit().code()));
        var noPlan = javafx.beans.binding.Bindings.createBooleanBinding(() -> vm.detailProperty().get() == null
                || vm.detailProperty().get().row().latestPlan().isEmpty(), vm.detailProperty());
        approve.disableProperty().bind(noPlan);
        giveBack.disableProperty().bind(noPlan);
        diagram.disableProperty().bind(vm.detailProperty().isNull());
        Button letter = new Button(Texts.t("review.letter"));
        letter.setId("review-letter");
        letter.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> vm.detailProperty()
                .get() == null || vm.detailProperty().get().row().latestReview() == null, vm.detailProperty()));
        letter.setOnAction(e -> letter());
        javafx.scene.layout.FlowPane actions = Layouts.toolbar(approve, giveBack, diagram, letter);
        Label hint = new Label(Texts.t("review.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        root.setTop(new VBox(4, title, actions, hint));

        table = new TableView<>(vm.rows());
        table.setId("review-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Texts.t("review.empty")));
        table.getColumns().add(Columns.text("results.col.unit", 150, r -> r.unit().name()));
        table.getColumns().add(Columns.text("review.col.plan", 120, r -> r.latestPlan().map(p -> Texts.t("review.planShort",
                p.processedAt().toString().substring(0, 10))).orElse(Texts.t("review.planMissing"))));
        table.getColumns().add(Columns.text("review.col.mode", 50, r -> Texts.current().of(r.mode())));
        table.getColumns().add(Columns.text("review.col.state", 150, ReviewView::stateText));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> vm.select(r));

        tree.setId("review-tree");
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.setPlaceholder(new Label(Texts.t("review.pickUnit")));
        tree.getColumns().add(Columns.treeText("goals.col.title", 260, GoalNode::title));
        tree.getColumns().add(Columns.treeText("goals.col.weight", 50, n -> Numbers.plain(n.weight())));
        tree.getColumns().add(Columns.treeText("goals.col.target", 100, GoalTreeViewModel::targetText));
        // A reviewer judges a target against its 基期值 and its 质量要求 (issue 22).
        tree.getColumns().add(Columns.treeText("details.baseline", 70, n -> n.measure() instanceof
                org.perfdesk.domain.Measure.Quantitative q && q.baseline() != null ? Numbers.plain(q.baseline()) : ""));
        tree.getColumns().add(Columns.treeText("goals.col.quality", 140, n -> n.qualityRequirement() == null ? ""
                : n.qualityRequirement()));
        tree.getColumns().add(Columns.treeText("goals.col.owner", 120, n -> vm.detailProperty().get() == null ? ""
                : vm.detailProperty().get().ownerName(n)));
        tree.getColumns().add(Columns.wholeDates(Columns.treeText("goals.col.deadline", 90, n -> n.deadline() == null ? ""
                : n.deadline().toString())));
        sincePrevious.setId("review-since-previous");
        sinceLastYear.setId("review-since-last-year");
        reviews.setId("review-history");
        plan.setId("review-plan");
        plan.setEditable(false);
        plan.setWrapText(true);
        TabPane tabs = new TabPane(tab("review.tab.tree", tree), tab("review.tab.plan", plan),
                tab("review.tab.previous", sincePrevious),
                tab("review.tab.lastYear", sinceLastYear), tab("review.tab.answers", reviews));
        tabs.setId("review-tabs");
        detailTitle.getStyleClass().add("section-title");
        VBox detail = new VBox(6, detailTitle, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        vm.detailProperty().addListener((o, a, d) -> show(d));
        // 批复 (approve, return) or 备案 (file, ask for a correction), as the scheme sets it for the unit's group.
        vm.detailProperty().addListener((o, a, d) -> {
            org.perfdesk.domain.ReviewMode mode = d == null ? org.perfdesk.domain.ReviewMode.APPROVAL : d.row().mode();
            approve.setText(Texts.t("review.word." + mode.name() + ".APPROVED") + "…");
            Mnemonics.set(approve, 'A');
            giveBack.setText(Texts.t("review.word." + mode.name() + ".RETURNED") + "…");
            Mnemonics.set(giveBack, 'R');
        });

        root.setCenter(DetailsSplit.listFirst(table, 260, 380, detail, AssessmentView.WORK_MIN_WIDTH));
    }

    private static Tab tab(String key, Node content) {
        Tab t = new Tab(Texts.t(key), content);
        t.setClosable(false);
        return t;
    }

    static String planText(ReviewViewModel.Row r) {
        return r.latestPlan().map(p -> Texts.t("review.planReceived", p.sequence(),
                p.processedAt().toString().substring(0, 10), r.plans().size())).orElse(Texts.t("review.planMissing"));
    }

    static String stateText(ReviewViewModel.Row r) {
        if (r.latestPlan().isEmpty()) {
            return "";
        }
        PlanReview last = r.latestReview();
        if (last == null || !last.planPackageId().equals(r.latestPlan().get().packageId())) {
            return Texts.t("review.state.waiting");
        }
        String state = last.words();
        return r.changedSinceApproval() > 0 ? Texts.t("review.state.changed", state, r.changedSinceApproval()) : state;
    }

    private void show(ReviewViewModel.Detail d) {
        if (d == null) {
            detailTitle.setText("");
            tree.setRoot(null);
            sincePrevious.getItems().clear();
            sinceLastYear.getItems().clear();
            reviews.getItems().clear();
            plan.clear();
            return;
        }
        detailTitle.setText(d.row().unit().name() + " · " + planText(d.row()));
        TreeItem<GoalNode> top = new TreeItem<>();
        add(top, d.tree(), d.tree().roots());
        tree.setRoot(top);
        plan.setText(d.plan());
        sincePrevious.getItems().setAll(d.sincePrevious());
        sinceLastYear.getItems().setAll(d.sinceLastYear());
        reviews.getItems().setAll(d.reviews().isEmpty() ? List.of(Texts.t("review.noAnswers"))
                : d.reviews().stream().map(r -> Texts.t("review.answerLine",
                        r.decidedAt().toString().substring(0, 16).replace('T', ' '), r.words(),
                        r.reason())).toList());
    }

    private static void add(TreeItem<GoalNode> parent, GoalTree t, List<GoalNode> nodes) {
        for (GoalNode n : nodes) {
            TreeItem<GoalNode> item = new TreeItem<>(n);
            item.setExpanded(t.depth(n.id()) <= 1);
            parent.getChildren().add(item);
            add(item, t, t.children(n.id()));
        }
    }

    private void decide(PlanReview.Decision decision) {
        ReviewViewModel.Detail d = vm.detailProperty().get();
        if (d == null) {
            return;
        }
        var window = root.getScene().getWindow();
        // The answer is sealed for the unit: without its key, say so before the reason and passphrase.
        if (!org.perfdesk.ui.common.Refusals.clear(window, vm.context(), org.perfdesk.ui.common.Preconditions
                .reviewAnswer(vm.context().workspace(), d.row().unit(), vm.context().year()))) {
            return;
        }
        String key = (decision == PlanReview.Decision.APPROVED ? "review.approve" : "review.return")
                + (d.row().mode() == org.perfdesk.domain.ReviewMode.FILING ? "Filing" : "");
        // The reason stays for the next try until the answer is written (no passphrase, a failure).
        String draft = "review:" + d.row().unit().code() + ":" + decision;
        var drafts = vm.context().drafts();
        Dialogs.askReason(window, "review-dialog", Texts.t(key),
                Texts.t(key + "Header", d.row().unit().name(), planText(d.row())), Texts.t("review.reason"),
                drafts, draft)
                .ifPresent(reason -> Dialogs.withSigner(window, vm.context(), signer -> vm.decide(signer, decision,
                        reason, file -> {
                            drafts.done(draft);
                            Messages.info(window, Texts.t("review.done", Texts.t("review.word."
                                    + d.row().mode().name() + "." + decision.name())),
                                    Texts.t("review.doneText", d.row().unit().name(), file.toAbsolutePath().toString()));
                        })));
    }

    /** The 批复 (or the review's opinion) to print beside the answer package: date and 文号, then the file. */
    private void letter() {
        ReviewViewModel.Detail d = vm.detailProperty().get();
        if (d == null || d.row().latestReview() == null) {
            return;
        }
        var window = root.getScene().getWindow();
        var unit = d.row().unit();
        String title = org.perfdesk.report.docx.ReviewLetterDocx.title(unit, vm.context().year(),
                d.row().latestReview().decision(), Texts.current());
        org.perfdesk.ui.common.IssueDialog.ask(window, vm.context(), org.perfdesk.report.Documents.REVIEW, title,
                unit.name(), issue -> {
                    javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
                    chooser.setTitle(Texts.t("review.letter"));
                    chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Word", "*.docx"));
                    chooser.setInitialFileName(title + ".docx");
                    java.io.File file = chooser.showSaveDialog(window);
                    if (file != null) {
                        vm.exportLetter(unit.code(), issue, file.toPath(), path -> Messages.info(window,
                                Texts.t("results.ui.exported"), path.toAbsolutePath().toString()));
                    }
                });
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
