package org.perfdesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.ui.common.Place;

/**
 * The window speaks a clerk's words. Security and programming words are retired from the texts in
 * favour of plain ones (名片 → 密钥文件, 指纹 → 核对码, 种子 → 抽签码, 哈希 → 校验值, outbox →
 * 发件箱, 条目 → 文件, 公钥 → 加密密钥 or 密钥文件); the technical term may still follow the plain
 * one in brackets, for support staff: "核对码（密钥指纹）". This holds for the audit log's sentences
 * too.
 */
class ClerkWordsTest {
    /** Words a clerk should not meet outside brackets in the Chinese texts. */
    private static final List<String> RETIRED_ZH = List.of("名片", "指纹", "种子", "哈希", "outbox", "inbox", "公钥",
            "条目", "JSON", "json", "zip", "SHA-256");
    /** The same for the English texts, as whole words. */
    private static final List<String> RETIRED_EN = List.of("card", "cards", "fingerprint", "fingerprints", "seed",
            "hash", "hashes", "pin", "pinned", "JSON", "zip bomb");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ClerkWordsTest.class.getResourceAsStream("/org/perfdesk/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseTextsUseNoRetiredWordOutsideBrackets() throws IOException {
        Properties zh = load("messages.properties");
        Set<String> found = new TreeSet<>();
        for (String key : zh.stringPropertyNames()) {
            String plain = zh.getProperty(key).replaceAll("（[^）]*）", "");
            for (String word : RETIRED_ZH) {
                if (plain.contains(word)) {
                    found.add(key + ": " + word);
                }
            }
        }
        assertThat(found).isEmpty();
        // The plain words are there, with the technical term in brackets where it helps.
        assertThat(zh.getProperty("cli.keys.fingerprint")).startsWith("核对码（密钥指纹）");
        assertThat(zh.getProperty("exchange.pinCard")).isEqualTo("导入上级密钥文件…");
    }

    @Test
    void englishTextsUseNoRetiredWordOutsideBrackets() throws IOException {
        Properties en = load("messages_en.properties");
        Set<String> found = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            String plain = en.getProperty(key).replaceAll("\\([^)]*\\)", "");
            for (String word : RETIRED_EN) {
                if (Pattern.compile("\\b" + Pattern.quote(word) + "\\b", Pattern.CASE_INSENSITIVE).matcher(plain).find()) {
                    found.add(key + ": " + word);
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void packageKindsReadAsWordsNotAsTheCommandLinesNames() {
        Texts before = Texts.current();
        Texts.use(java.util.Locale.ENGLISH);
        try {
            // "Package kind: plan" read like a program's value; "Performance plan" like a document.
            assertThat(org.perfdesk.ui.common.KindNames.label("plan")).isEqualTo("Performance plan");
            for (PackageKind k : PackageKind.values()) {
                String label = org.perfdesk.ui.common.KindNames.label(k.cliName());
                assertThat(label).as(k.name()).isNotEqualTo(k.cliName());
                assertThat(Character.isUpperCase(label.charAt(0))).as(label).isTrue();
            }
        } finally {
            Texts.use(before.locale());
        }
    }

    /** Emoji (outside the basic plane) show as empty boxes on PCs without an emoji font: 📎 was one. */
    @Test
    void noTextOrScreenUsesACharacterOnlyAnEmojiFontHas() throws IOException {
        Set<String> found = new TreeSet<>();
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                if (p.getProperty(key).codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
                    found.add(file + ": " + key);
                }
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/perfdesk/ui"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                if (Files.readString(f).codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
                    found.add(f.toString());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** The texts built from names at run time: places, refusals, the F1 page's keys and terms. */
    @Test
    void everyPlaceRefusalAndHelpTextExistsInBothLanguages() throws IOException {
        Texts zh = Texts.of(Texts.CHINESE);
        Texts en = Texts.of(java.util.Locale.ENGLISH);
        for (Place p : Place.values()) {
            assertThat(zh.has("place." + p.name()) && en.has("place." + p.name())).as(p.name()).isTrue();
        }
        Pattern literal = Pattern.compile("\"(refuse\\.[A-Za-z]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (!zh.has(m.group(1))) {
                        missing.add(m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        Properties zhFile = load("messages.properties");
        for (String key : zhFile.stringPropertyNames()) {
            if ((key.startsWith("help.key.") || key.startsWith("glossary.")) && !key.endsWith(".what")) {
                assertThat(zh.has(key + ".what")).as(key).isTrue();
            }
        }
        String source = Files.readString(Path.of("src/main/java/org/perfdesk/ui/shell/HelpDialog.java"));
        String lists = source.substring(source.indexOf("SHORTCUTS = "), source.indexOf("private static Stage open"));
        Matcher names = Pattern.compile("\"([a-zA-Z0-9]+)\"").matcher(lists);
        while (names.find()) {
            String n = names.group(1);
            assertThat(zh.has("help.key." + n + ".what") || zh.has("glossary." + n + ".what")).as("help entry " + n)
                    .isTrue();
        }
    }
}
