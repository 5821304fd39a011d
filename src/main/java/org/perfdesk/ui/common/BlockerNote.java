package org.perfdesk.ui.common;

import java.util.Optional;

import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.perfdesk.domain.Texts;

/**
 * What keeps an action from starting, said beside its button before it is clicked, with a link to the
 * place that puts it right; hidden while nothing does ({@code #<id>}, link {@code #<id>-go}).
 */
public final class BlockerNote extends VBox {
    private final WorkspaceContext ctx;
    private final Label text = new Label();
    private final Hyperlink go = new Hyperlink();
    private Blocker shown;

    public BlockerNote(WorkspaceContext ctx, String id) {
        super(2);
        this.ctx = ctx;
        setId(id);
        text.setWrapText(true);
        text.getStyleClass().add("warning");
        go.setId(id + "-go");
        go.setOnAction(e -> {
            if (shown != null && shown.place() != null) {
                ctx.go(shown.place());
            }
        });
        getChildren().addAll(text, go);
        show(Optional.empty());
    }

    public void show(Optional<Blocker> blocker) {
        shown = blocker.orElse(null);
        setVisible(shown != null);
        setManaged(shown != null);
        text.setText(shown == null ? "" : "⚠ " + shown.message());
        boolean link = shown != null && shown.place() != null;
        go.setVisible(link);
        go.setManaged(link);
        go.setText(link ? Texts.t("refuse.goTo", shown.place().label()) : "");
    }
}
