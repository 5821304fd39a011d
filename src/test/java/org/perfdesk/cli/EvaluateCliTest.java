package org.perfdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.demo.DemoBuilder;

/** evaluate on the command line: the demo office after importing the USB folder. */
class EvaluateCliTest {
    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, (ws, demo, files) -> 0, new PrintWriter(out), new PrintWriter(err),
                name -> name.equals("PERFDESK_PASSPHRASE") ? org.perfdesk.exchange.demo.DemoBuilder.PASSPHRASE : null);
        return new String[] {String.valueOf(status), out.toString(), err.toString()};
    }

    @AfterEach
    void chinese() {
        Texts.use(Texts.CHINESE);
    }

    @Test
    void printsEveryUnitsComponentsAndRankAsTextAndJson() throws Exception {
        DemoBuilder.bundled().build(dir, "test");
        String office = dir.resolve("office").toString();
        // Before any package: no unit has sent anything, so there is nothing to rank (not seven ties at 1).
        String[] empty = run("evaluate", "--workspace", office, "--year", "2008");
        assertThat(empty[0]).isEqualTo("1");
        assertThat(empty[2]).contains("2008");
        assertThat(run("import", "--workspace", office, dir.resolve("usb").toString())[0]).isEqualTo("0");
        // Without the appraisal every unit lacks material: listed, not ranked.
        String[] incomplete = run("evaluate", "--workspace", office, "--year", "2008");
        assertThat(incomplete[1]).contains("材料不全").contains("缺少第 1、2 轮公众评议结果");
        assertThat(run("appraisal", "import", "--workspace", office, "--year", "2008", "--file",
                "sample-data/appraisal-2008.xlsx")[0]).isEqualTo("0");

        String[] text = run("evaluate", "--workspace", office, "--year", "2008");
        assertThat(text[0]).as(text[2]).isEqualTo("0");
        assertThat(text[1]).contains("设区市政府").contains("省直部门").contains("厦门市人民政府").contains("福建省物价局");

        String[] json = run("evaluate", "--workspace", office, "--year", "2008", "--json");
        List<Map<String, Object>> units = new ObjectMapper().readValue(json[1], new TypeReference<>() {
        });
        assertThat(units).hasSize(7);
        assertThat(units).extracting(u -> u.get("standing")).containsOnly("COMPLETE");
        assertThat(units).extracting(u -> u.get("group")).containsOnly("CITY_GOVERNMENTS", "PROVINCIAL_DEPARTMENTS");
        assertThat(units).filteredOn(u -> "CITY_GOVERNMENTS".equals(u.get("group")))
                .extracting(u -> u.get("rank")).containsExactlyInAnyOrder(1, 2);
        // Each total is what its printed components make: 0.7 × indicators + 0.3 × appraisal − deductions + bonus.
        assertThat(units).allSatisfy(u -> {
            double total = 0.7 * Double.parseDouble((String) u.get("indicatorScore"))
                    + 0.3 * Double.parseDouble((String) u.get("appraisalScore"))
                    - Double.parseDouble((String) u.get("deductions")) + Double.parseDouble((String) u.get("bonus"));
            assertThat(Double.parseDouble((String) u.get("total"))).isCloseTo(total, org.assertj.core.data.Offset.offset(0.006));
        });
    }

    @Test
    void theOfficesStepsBeforePublishingRunOnTheCommandLine() throws Exception {
        DemoBuilder.bundled().build(dir, "test");
        String office = dir.resolve("office").toString();
        run("import", "--workspace", office, dir.resolve("usb").toString());
        // NP's appraisal is not in yet: the freeze says so; the office decides to rank it anyway.
        assertThat(run("appraisal", "import", "--workspace", office, "--year", "2008", "--file",
                "sample-data/appraisal-2008.xlsx")[0]).isEqualTo("0");
        assertThat(run("figures", "import", "--workspace", office, "--year", "2008", "--file",
                "sample-data/figures-2008-省统计局.xlsx")[1]).contains("新增 8 项核定值");
        String[] refused = run("results", "freeze", "--workspace", office, "--year", "2008");
        assertThat(refused[0]).isEqualTo("1");
        assertThat(refused[2]).contains("还没有经领导小组审定");
        String[] approved = run("results", "approve", "--workspace", office, "--year", "2008", "--date", "2009/3/10",
                "--reference", "第十四次会议", "--by", "省机关效能建设领导小组");
        assertThat(approved[0]).as(approved[2]).isEqualTo("0");
        assertThat(approved[1]).contains("2009-03-10").contains("第十四次会议");
        String[] frozen = run("results", "freeze", "--workspace", office, "--year", "2008", "--reason", "发布");
        assertThat(frozen[0]).as(frozen[2]).isEqualTo("0");
        assertThat(frozen[1]).contains("结果已冻结");
        String[] badDecision = run("results", "decide", "--workspace", office, "--year", "2008", "--unit", "NP",
                "--rank", "--unranked", "--reason", "x");
        assertThat(badDecision[0]).isEqualTo("2");
    }

    @Test
    void aMistypedYearIsWrongUsageCheckedBeforeAnythingIsOpened() {
        String[] r = run("evaluate", "--workspace", dir.resolve("nowhere").toString(), "--year", "208");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("208");
    }
}
