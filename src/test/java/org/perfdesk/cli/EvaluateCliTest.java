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
        assertThat(run("import", "--workspace", office, dir.resolve("usb").toString())[0]).isEqualTo("0");

        String[] text = run("evaluate", "--workspace", office, "--year", "2008");
        assertThat(text[0]).as(text[2]).isEqualTo("0");
        assertThat(text[1]).contains("设区市政府").contains("省直部门").contains("厦门市人民政府").contains("福建省物价局");

        String[] json = run("evaluate", "--workspace", office, "--year", "2008", "--json");
        List<Map<String, Object>> units = new ObjectMapper().readValue(json[1], new TypeReference<>() {
        });
        assertThat(units).hasSize(7);
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
    void aMistypedYearIsWrongUsageCheckedBeforeAnythingIsOpened() {
        String[] r = run("evaluate", "--workspace", dir.resolve("nowhere").toString(), "--year", "208");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("208");
    }
}
