package org.perfdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.ProgramInfo;
import org.perfdesk.domain.Texts;
import org.perfdesk.store.Workspace;

/** The command line as a script would use it: exit status, stdout and stderr. */
class CliTest {
    @TempDir
    Path dir;
    private final List<Object[]> guiStarts = new ArrayList<>();

    private record Result(int status, String out, String err) {
    }

    static final String PASSPHRASE = "correct horse battery";
    private String passphrase = PASSPHRASE;

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, (ws, demo, files) -> {
            guiStarts.add(new Object[] {ws, demo, files});
            return 0;
        }, new PrintWriter(out), new PrintWriter(err), name -> name.equals("PERFDESK_PASSPHRASE") ? passphrase : null);
        return new Result(status, out.toString(), err.toString());
    }

    @AfterEach
    void chineseAgain() {
        Texts.use(Texts.CHINESE);
    }

    @Test
    void versionAndHelp() {
        Result v = run("--version");
        assertThat(v.status()).isZero();
        assertThat(v.out()).contains("PerfDesk " + ProgramInfo.version());
        Result h = run("--help");
        assertThat(h.status()).isZero();
        assertThat(h.out()).contains("init").contains("info").contains("demo");
        assertThat(guiStarts).isEmpty();
    }

    @Test
    void wrongUsageExitsWithTwoAndSaysWhatIsWrongOnStderr() {
        Result r = run("init", "--workspace", dir.resolve("x").toString(), "--role", "unit");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--code").contains("--name");
        assertThat(run("frobnicate").status()).isEqualTo(2);
        assertThat(run("init", "--workspace", "x", "--role", "boss", "--code", "A", "--name", "B").status()).isEqualTo(2);
        Result badCode = run("init", "--workspace", dir.resolve("y").toString(), "--role", "unit", "--code", "水利厅",
                "--name", "福建省水利厅");
        assertThat(badCode.status()).isEqualTo(2);
        assertThat(badCode.err()).contains("单位代码“水利厅”无效");
        assertThat(dir.resolve("y")).doesNotExist();
        Result french = run("--lang", "fr", "--version");
        assertThat(french.status()).isEqualTo(2);
        assertThat(french.err()).contains("--lang must be zh or en");
    }

    @Test
    void initThenInfo() {
        Path ws = dir.resolve("SLT");
        Result init = run("init", "--workspace", ws.toString(), "--role", "unit", "--code", "SLT",
                "--name", "福建省水利厅", "--parent", "XNB", "--year", "2008");
        assertThat(init.status()).as(init.err()).isZero();
        assertThat(init.out()).contains("已创建单位工作区：SLT 福建省水利厅").containsPattern("核对码（密钥指纹）：([0-9A-F]{4} ){7}[0-9A-F]{4}");
        assertThat(Workspace.isWorkspace(ws)).isTrue();

        Result info = run("info", "--workspace", ws.toString());
        assertThat(info.status()).isZero();
        assertThat(info.out()).contains("角色：单位").contains("单位：SLT 福建省水利厅（部门）")
                .contains("上级单位：XNB").contains("当前年度：2008").contains("数据库完整性检查：ok");

        Result english = run("--lang", "en", "info", "--workspace", ws.toString());
        assertThat(english.out()).contains("Role: Unit").contains("Database integrity check: ok");
        assertThat(Texts.current().locale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void initWithoutAPassphraseSaysHowToGiveOneAndCreatesNothing() {
        passphrase = null;
        Result r = run("init", "--workspace", dir.resolve("SLT").toString(), "--role", "unit", "--code", "SLT",
                "--name", "福建省水利厅");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("PERFDESK_PASSPHRASE");
        assertThat(Workspace.isWorkspace(dir.resolve("SLT"))).isFalse();
        passphrase = "short";
        Result tooShort = run("init", "--workspace", dir.resolve("SLT").toString(), "--role", "unit", "--code", "SLT",
                "--name", "福建省水利厅");
        assertThat(tooShort.status()).isEqualTo(1);
        assertThat(tooShort.err()).contains("口令太短");
        assertThat(Workspace.isWorkspace(dir.resolve("SLT"))).isFalse();
    }

    @Test
    void officeInit() {
        Result r = run("init", "--workspace", dir.resolve("office").toString(), "--role", "office", "--code", "XNB",
                "--name", "省效能办");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(run("info", "--workspace", dir.resolve("office").toString()).out()).contains("角色：效能办");
        Result withParent = run("init", "--workspace", dir.resolve("o2").toString(), "--role", "office",
                "--code", "XNB", "--name", "省效能办", "--parent", "X");
        assertThat(withParent.status()).isEqualTo(2);
    }

    @Test
    void failuresExitWithOneAndAMessageOnStderr() {
        Result missing = run("info", "--workspace", dir.resolve("nothing").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).startsWith("错误：").contains("不是 PerfDesk 工作区");
        assertThat(missing.out()).isEmpty();

        Path ws = dir.resolve("SLT");
        run("init", "--workspace", ws.toString(), "--role", "unit", "--code", "SLT", "--name", "水利厅");
        Result again = run("init", "--workspace", ws.toString(), "--role", "unit", "--code", "SLT", "--name", "水利厅");
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("已经有一个工作区");
    }

    @Test
    void demoBuildsEightWorkspacesAndRefusesToOverwriteThem() {
        Path out = dir.resolve("demo");
        Result r = run("demo", "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(8).allMatch(l -> l.startsWith("已生成工作区："));
        for (String code : List.of("office", "XM", "NP", "SLT", "NYT", "LYT", "DSJ", "WJJ")) {
            Result info = run("info", "--workspace", out.resolve(code).toString());
            assertThat(info.status()).as(code).isZero();
            assertThat(info.out()).contains("数据库完整性检查：ok");
        }
        Result again = run("demo", "--out", out.toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("已有演示工作区");
    }

    @Test
    void withoutACommandTheWindowStarts() {
        assertThat(run("--workspace", dir.toString()).status()).isZero();
        assertThat(run("--demo").status()).isZero();
        assertThat(run(dir.resolve("SLT-002-plan-2008.perfpkg").toString()).status()).isZero();
        assertThat(guiStarts).hasSize(3);
        assertThat(guiStarts.get(0)).containsExactly(dir, false, List.of());
        assertThat(guiStarts.get(1)).containsExactly(null, true, List.of());
        assertThat(guiStarts.get(2)).containsExactly(null, false, List.of(dir.resolve("SLT-002-plan-2008.perfpkg")));
    }
}
