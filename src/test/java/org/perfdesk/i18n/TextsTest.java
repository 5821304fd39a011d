package org.perfdesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.perfdesk.domain.Direction;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.ProblemType;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.YearCalendar;
import org.perfdesk.report.xlsx.RowProblem;

/** Every text exists in Chinese and English, and every key the code names exists. */
class TextsTest {
    private static final Pattern KEY_LITERAL = Pattern.compile(
            "\"((?:app|cli|create|dialog|error|goals|header|nav|overview|progress|screen|settings|status|task|units|welcome|problem|enum|calendar|import|kind|pkg|exchange|inbox|history|unlock|fingerprint|field|details|owners|edit|newYear|self|report|diagram|xlsx|appraisal|results|notice|figures|result|feedbackDoc|scheme|feedback)\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/org/perfdesk/i18n/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** A key written twice loses its first text silently (the later line wins): each key once per file. */
    @Test
    void noKeyIsWrittenTwice() throws IOException {
        for (String name : List.of("messages.properties", "messages_en.properties")) {
            Set<String> seen = new TreeSet<>();
            Set<String> twice = new TreeSet<>();
            for (String line : Files.readAllLines(Path.of("src/main/resources/org/perfdesk/i18n", name),
                    StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || l.startsWith("!") || !l.contains("=")) {
                    continue;
                }
                String key = l.substring(0, l.indexOf('=')).strip();
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
            assertThat(twice).as(name + ": keys written twice").isEmpty();
        }
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> zh = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        assertThat(en).as("keys missing in English").containsAll(zh);
        assertThat(zh).as("keys missing in Chinese").containsAll(en);
    }

    @Test
    void everyPatternIsValidAndHasTheSamePlaceholdersInBothLanguages() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        for (String key : zh.stringPropertyNames()) {
            MessageFormat z = new MessageFormat(zh.getProperty(key));
            MessageFormat e = new MessageFormat(en.getProperty(key, ""));
            assertThat(e.getFormatsByArgumentIndex().length).as("placeholders of " + key)
                    .isEqualTo(z.getFormatsByArgumentIndex().length);
        }
    }

    @Test
    void apostrophesAreDoubledSinceEveryTextGoesThroughMessageFormat() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                // A lone ' starts a quoted part: "the unit's {0}" would print "the units {0}" literally.
                assertThat(p.getProperty(key).replace("''", "")).as(file + ": " + key).doesNotContain("'");
            }
        }
    }

    @Test
    void everyKeyNamedInTheCodeExists() throws IOException {
        Texts zh = Texts.of(Texts.CHINESE);
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).matches(".*\\.(json|db|txt|css|sql|properties|xlsx|docx|csv|png|perfpkg)") && !zh.has(m.group(1))) {
                        missing.add(m.group(1) + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyPackageRefusalCodeHasText() throws IOException {
        Pattern thrown = Pattern.compile("PackageException\\((?:[a-z]+, )?\"([a-z-]+)\"");
        Texts en = Texts.of(Locale.ENGLISH);
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = thrown.matcher(Files.readString(f));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        assertThat(codes).contains("bad-signature", "hash-mismatch", "fork", "stale");
        for (String code : codes) {
            assertThat(Texts.of(Texts.CHINESE).has("pkg." + code)).as("zh pkg." + code).isTrue();
            assertThat(en.has("pkg." + code)).as("en pkg." + code).isTrue();
        }
        for (org.perfdesk.exchange.pkg.PackageKind k : org.perfdesk.exchange.pkg.PackageKind.values()) {
            assertThat(en.has("kind." + k.cliName())).as("kind " + k).isTrue();
        }
        for (org.perfdesk.exchange.ImportReport.Status s : org.perfdesk.exchange.ImportReport.Status.values()) {
            assertThat(en.has("import.status." + s.name())).as("status " + s).isTrue();
        }
        for (String change : List.of("added", "changed", "removed")) {
            assertThat(en.has("import.change." + change)).as(change).isTrue();
        }
        // Two nodes that differ in every field name every field the diff can report.
        var a = new org.perfdesk.domain.GoalNode("x", "U", 2008, null, 0, org.perfdesk.domain.NodeKind.GOAL, "a", "a",
                "a", "a", java.time.LocalDate.of(2008, 1, 1), java.math.BigDecimal.ONE, null, null, 1, false);
        var b = new org.perfdesk.domain.GoalNode("x", "U", 2008, "p", 1, org.perfdesk.domain.NodeKind.TASK, "b", "b",
                "b", "b", java.time.LocalDate.of(2008, 1, 2), java.math.BigDecimal.TEN,
                new org.perfdesk.domain.Measure.Milestone(null), null, 2, false);
        List<String> fields = org.perfdesk.exchange.NodeDiff.fields(a, b);
        assertThat(fields).hasSize(10);
        for (String f : fields) {
            assertThat(en.has("field." + f) && Texts.of(Texts.CHINESE).has("field." + f)).as("field " + f).isTrue();
        }
    }

    @Test
    void everyEnumValueProblemAndDeadlineHasText() {
        for (Locale locale : Texts.SUPPORTED) {
            Texts t = Texts.of(locale);
            for (Class<? extends Enum<?>> type : java.util.List.<Class<? extends Enum<?>>>of(Role.class, OrgKind.class,
                    RankingGroup.class, NodeKind.class, Direction.class, ProgressStatus.class,
                    org.perfdesk.domain.PlanReview.Decision.class, org.perfdesk.domain.ReportKind.class)) {
                for (Enum<?> value : type.getEnumConstants()) {
                    assertThat(t.of(value)).as(locale + " " + value).doesNotStartWith("!");
                }
            }
            for (ProblemType p : ProblemType.values()) {
                assertThat(t.has("problem." + p.name())).as(locale + " problem " + p).isTrue();
            }
            for (RowProblem.Reason r : RowProblem.Reason.values()) {
                assertThat(t.has(r.key())).as(locale + " sheet problem " + r).isTrue();
            }
            for (org.perfdesk.report.xlsx.RowNote.Kind k : org.perfdesk.report.xlsx.RowNote.Kind.values()) {
                assertThat(t.has(k.key())).as(locale + " sheet note " + k).isTrue();
            }
            for (org.perfdesk.report.xlsx.Field f : org.perfdesk.report.xlsx.Field.values()) {
                assertThat(t.has("xlsx.field." + f.name())).as(locale + " field " + f).isTrue();
            }
            for (org.perfdesk.report.xlsx.TreeWorkbook.SheetKind k : org.perfdesk.report.xlsx.TreeWorkbook.SheetKind.values()) {
                assertThat(t.has("xlsx.ui.sheets.kind." + k.name())).as(locale + " sheet kind " + k).isTrue();
            }
            for (org.perfdesk.report.xlsx.AppraisalProblem.Reason r
                    : org.perfdesk.report.xlsx.AppraisalProblem.Reason.values()) {
                assertThat(t.has(r.key())).as(locale + " appraisal problem " + r).isTrue();
            }
            for (org.perfdesk.report.xlsx.AppraisalXlsx.Change c : org.perfdesk.report.xlsx.AppraisalXlsx.Change.values()) {
                assertThat(t.has("appraisal.import.change." + c.name())).as(locale + " change " + c).isTrue();
            }
            for (org.perfdesk.report.xlsx.FiguresProblem.Reason r
                    : org.perfdesk.report.xlsx.FiguresProblem.Reason.values()) {
                assertThat(t.has(r.key())).as(locale + " figures problem " + r).isTrue();
            }
            for (org.perfdesk.report.xlsx.FiguresXlsx.Change c : org.perfdesk.report.xlsx.FiguresXlsx.Change.values()) {
                assertThat(t.has("figures.import.change." + c.name())).as(locale + " change " + c).isTrue();
            }
            for (org.perfdesk.evaluation.Evaluation.Standing s : org.perfdesk.evaluation.Evaluation.Standing.values()) {
                assertThat(t.has("results.standing." + s.name())).as(locale + " standing " + s).isTrue();
            }
            for (org.perfdesk.domain.EvaluationScheme.Material m : org.perfdesk.domain.EvaluationScheme.Material.values()) {
                assertThat(t.has("results.missing." + m.name()) && t.has("scheme.material." + m.name()))
                        .as(locale + " material " + m).isTrue();
            }
            for (org.perfdesk.domain.StandingDecision.Decision d : org.perfdesk.domain.StandingDecision.Decision.values()) {
                assertThat(t.has("results.decision." + d.name()) && t.has("results.decide." + d.name()))
                        .as(locale + " decision " + d).isTrue();
            }
            for (String c : org.perfdesk.evaluation.InputHashes.COMPONENTS) {
                assertThat(t.has("results.change." + c)).as(locale + " component " + c).isTrue();
            }
            for (YearCalendar.Deadline d : YearCalendar.defaults(2008)) {
                assertThat(t.has("calendar." + d.key())).as(locale + " calendar " + d.key()).isTrue();
            }
        }
    }

    @Test
    void chineseIsTheDefaultWhateverTheMachineLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThat(Texts.of(Texts.localeFor("zh")).get("nav.goals")).isEqualTo("目标分解");
            assertThat(Texts.of(Texts.localeFor(null)).get("nav.goals")).isEqualTo("目标分解");
            assertThat(Texts.of(Texts.localeFor("en")).get("nav.goals")).isEqualTo("Goal tree");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void apostrophesAreShownOnceEvenWithoutPlaceholders() {
        assertThat(Texts.of(Locale.ENGLISH).get("overview.deadlines")).isEqualTo("This year's calendar");
    }
}
