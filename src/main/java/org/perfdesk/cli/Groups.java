package org.perfdesk.cli;

import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Texts;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code --group cities|departments} as a ranking group. */
final class Groups {
    private Groups() {
    }

    static RankingGroup parse(CommandLine cl, String text) {
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "cities", "city", "city_governments" -> RankingGroup.CITY_GOVERNMENTS;
            case "departments", "department", "provincial_departments" -> RankingGroup.PROVINCIAL_DEPARTMENTS;
            default -> throw new ParameterException(cl, Texts.t("cli.badGroup", text));
        };
    }
}
