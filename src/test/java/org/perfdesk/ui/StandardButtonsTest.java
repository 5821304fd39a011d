package org.perfdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import org.junit.jupiter.api.Test;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.Messages;

/** The OK button of a message speaks the window's language, whatever the machine's locale. */
class StandardButtonsTest extends ShellTest {

    private String okText() {
        Alert[] shown = new Alert[1];
        interact(() -> shown[0] = Messages.info(stage, "标题", "内容"));
        String text = ((Button) shown[0].getDialogPane().lookupButton(ButtonType.OK)).getText();
        interact(() -> shown[0].close());
        return text;
    }

    @Test
    void okIsChineseInTheChineseWindowAndEnglishAfterSwitching() {
        assertThat(okText()).isEqualTo("确定");
        try {
            Texts.use(java.util.Locale.ENGLISH);
            assertThat(okText()).isEqualTo("OK");
        } finally {
            Texts.use(Texts.CHINESE);
        }
    }
}
