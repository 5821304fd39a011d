package org.perfdesk.ui.common;

import org.perfdesk.domain.Texts;

/**
 * A place in the window where the user puts something right: a screen of the navigation (its id) and,
 * where the screen has parts such as tabs, the part. A refusal names the place and offers to go there.
 */
public enum Place {
    /** 数据交换 → 登记与密钥: the office's key file, the enrollment request, the certificate. */
    EXCHANGE_SETUP("exchange", "setup"),
    /** 数据交换 → 导入答复: the office's answers, feedback and certificate. */
    EXCHANGE_RECEIVE("exchange", "receive"),
    /** 目标分解: the year's goals, a new year from last year's. */
    GOALS("goals", null),
    /** 收件: the units' packages, registering units. */
    INBOX("inbox", null),
    /** 整改: the unit's answers to the office's rectification items. */
    RECTIFICATION("rectification", null);

    private final String screen;
    private final String part;

    Place(String screen, String part) {
        this.screen = screen;
        this.part = part;
    }

    /** The navigation id of the screen. */
    public String screen() {
        return screen;
    }

    /** The part of the screen (a tab), or null for the screen as it is. */
    public String part() {
        return part;
    }

    /** How the window names it: "数据交换 → 登记与密钥". */
    public String label() {
        return Texts.t("place." + name());
    }
}
