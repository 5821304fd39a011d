package org.perfdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.Texts;
import org.perfdesk.store.ReleaseFixtures;

/** perfdesk audit check: exit 0 for a whole log, 1 naming the first bad entry; no passphrase asked. */
class AuditCliTest {
    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // No passphrase in the environment: the check must not need one.
        int status = Cli.run(args, (ws, demo, files) -> 0, new PrintWriter(out), new PrintWriter(err), name -> null);
        return new String[] {String.valueOf(status), out.toString(), err.toString()};
    }

    @AfterEach
    void chinese() {
        Texts.use(Texts.CHINESE);
    }

    private static void sql(Path ws, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve("perfdesk.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    @Test
    void aWholeLogExitsZeroAndAChangedEntryOneNamingIt() throws Exception {
        Path office = ReleaseFixtures.officeV6(dir.resolve("office"));
        String[] whole = run("audit", "check", "--workspace", office.toString());
        assertThat(whole[0]).as(whole[2]).isEqualTo("0");
        assertThat(whole[1]).startsWith("审计日志完整：共 24 条记录").contains("最后一条（第 24 条）的校验码：");

        sql(office, "UPDATE audit_log SET after = replace(after, '\"满意\":130', '\"满意\":140') WHERE seq = 8");
        String[] changed = run("audit", "check", "--workspace", office.toString());
        assertThat(changed[0]).isEqualTo("1");
        assertThat(changed[2]).contains("⚠ 审计日志第 8 条记录在写入后被改动过")
                .contains("第 8 条（").contains("将厦门市 2008 年第 2 轮公众评议由 86.00 分改为");
        assertThat(changed[1]).isEmpty();
    }

    @Test
    void entriesCutOffTheEndExitOneInEnglishToo() throws Exception {
        Path office = ReleaseFixtures.officeV6(dir.resolve("office"));
        assertThat(run("audit", "check", "--workspace", office.toString())[0]).isEqualTo("0");
        sql(office, "DELETE FROM audit_log WHERE seq >= 23");
        String[] cut = run("--lang", "en", "audit", "check", "--workspace", office.toString());
        assertThat(cut[0]).isEqualTo("1");
        assertThat(cut[2]).contains("The audit log's entries from no. 23 on were deleted: this workspace recorded entry 24 as the last one.");
    }

    @Test
    void exportWritesTheWorkbook() throws Exception {
        Path office = ReleaseFixtures.officeV6(dir.resolve("office"));
        Path out = dir.resolve("audit.xlsx");
        String[] r = run("audit", "export", "--workspace", office.toString(), "--out", out.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(Files.size(out)).isPositive();
        assertThat(r[1]).contains("审计日志完整");
    }

    @Test
    void aMissingWorkspaceIsAMessageAndExitOne() {
        String[] r = run("audit", "check", "--workspace", dir.resolve("nowhere").toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).isNotBlank();
    }
}
