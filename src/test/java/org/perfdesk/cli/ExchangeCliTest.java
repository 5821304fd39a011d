package org.perfdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.Texts;

/** The whole exchange through the command line, as a script (or a tired official) would run it. */
class ExchangeCliTest {
    @TempDir
    Path dir;
    private String passphrase = "office and unit passphrase";
    private String backupPassphrase = "the key backup's own passphrase";

    private record Result(int status, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, (ws, demo, files) -> 0, new PrintWriter(out), new PrintWriter(err),
                name -> name.equals("PERFDESK_PASSPHRASE") ? passphrase
                        : name.equals("PERFDESK_BACKUP_PASSPHRASE") ? backupPassphrase : null);
        return new Result(status, out.toString(), err.toString());
    }

    @AfterEach
    void chinese() {
        Texts.use(Texts.CHINESE);
    }

    private static String fingerprint(String text) {
        Matcher m = Pattern.compile("核对码(?:（密钥指纹）)?[：: ]\\s*(([0-9A-F]{4} ){7}[0-9A-F]{4})").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    private static Path only(Path folder, String suffix) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    @Test
    void enrollExportVerifyImportReview() throws Exception {
        String office = dir.resolve("office").toString();
        String unit = dir.resolve("SLT").toString();
        Path usb = Files.createDirectories(dir.resolve("usb"));
        Path answers = Files.createDirectories(dir.resolve("answers"));

        assertThat(run("init", "--workspace", office, "--role", "office", "--code", "XNB", "--name", "省效能办").status())
                .isZero();
        Result card = run("keys", "card", "--workspace", office, "--out", dir.resolve("card.json").toString());
        assertThat(card.status()).as(card.err()).isZero();
        String officeFingerprint = fingerprint(card.out());
        assertThat(run("init", "--workspace", unit, "--role", "unit", "--code", "SLT", "--name", "福建省水利厅",
                "--year", "2008").status()).isZero();

        Result wrongPin = run("enroll", "pin", "--workspace", unit, "--card", dir.resolve("card.json").toString(),
                "--fingerprint", "0000 0000 0000 0000 0000 0000 0000 0000");
        assertThat(wrongPin.status()).isEqualTo(1);
        assertThat(wrongPin.err()).contains("核对码不一致");
        assertThat(run("enroll", "pin", "--workspace", unit, "--card", dir.resolve("card.json").toString(),
                "--fingerprint", officeFingerprint.toLowerCase()).status()).isZero();

        Result request = run("enroll", "request", "--workspace", unit, "--out", usb.toString());
        assertThat(request.status()).as(request.err()).isZero();
        String unitFingerprint = fingerprint(request.out());
        Path enrollment = only(usb, ".perfpkg");
        assertThat(run("enroll", "show", enrollment.toString()).out()).contains(unitFingerprint).contains("福建省水利厅");
        // Without a workspace or key an enrollment's own signature is still checked, and said so.
        Result request1 = run("verify", enrollment.toString());
        assertThat(request1.status()).isZero();
        assertThat(request1.out()).contains("登记申请的签名已用其中所带的密钥校验").doesNotContain("签名未校验");
        Result accept = run("enroll", "accept", "--workspace", office, "--fingerprint", unitFingerprint,
                "--out", answers.toString(), enrollment.toString());
        assertThat(accept.status()).as(accept.err()).isZero();
        Result cert = run("import", "--workspace", unit, only(answers, ".perfpkg").toString());
        assertThat(cert.status()).as(cert.out() + cert.err()).isZero();
        assertThat(cert.out()).contains("已获效能办证书");

        Path plans = Files.createDirectories(dir.resolve("plans"));
        Result export = run("export", "--workspace", unit, "--kind", "plan", "--year", "2008", "--out", plans.toString());
        assertThat(export.status()).as(export.err()).isZero();
        assertThat(export.out()).contains("现在可以安全拔出 U 盘");
        Path plan = only(plans, ".perfpkg");
        assertThat(manifestOf(plan)).contains("\"format\" : \"perfdesk-package/2\"").contains("\"encryption\"")
                .doesNotContain("payload/snapshot.json");

        assertThat(run("verify", "--workspace", office, plan.toString()).status()).isZero();
        Result unsigned = run("verify", plan.toString());
        assertThat(unsigned.status()).isZero();
        assertThat(unsigned.out()).contains("签名未校验");
        Files.writeString(dir.resolve("slt.pem"),
                run("keys", "show", "--workspace", unit).out().replaceAll("(?s).*?(-----BEGIN)", "$1"));
        assertThat(run("verify", "--key", dir.resolve("slt.pem").toString(), plan.toString()).status()).isZero();
        Files.write(dir.resolve("broken.perfpkg"), java.util.Arrays.copyOf(Files.readAllBytes(plan), 100));
        Result broken = run("verify", "--workspace", office, dir.resolve("broken.perfpkg").toString());
        assertThat(broken.status()).isEqualTo(1);
        assertThat(broken.err()).contains("truncated");

        Result preview = run("import", "--workspace", office, "--dry-run", "--json", plans.toString());
        assertThat(preview.status()).isZero();
        JsonNode p = new ObjectMapper().readTree(preview.out()).get(0);
        assertThat(p.get("status").asText()).isEqualTo("accepted");
        assertThat(p.get("dryRun").asBoolean()).isTrue();

        Result imported = run("import", "--workspace", office, "--json", "--receipts", answers.toString(),
                plan.toString(), dir.resolve("broken.perfpkg").toString());
        assertThat(imported.status()).isEqualTo(1);
        JsonNode reports = new ObjectMapper().readTree(imported.out());
        assertThat(reports.get(0).get("file").asText()).isEqualTo(plan.getFileName().toString());
        assertThat(reports.get(0).get("status").asText()).isEqualTo("accepted");
        assertThat(reports.get(0).get("counts").get("added").asInt()).isZero(); // the unit's tree is empty
        assertThat(reports.get(1).get("status").asText()).isEqualTo("rejected");
        assertThat(reports.get(1).get("code").asText()).isEqualTo("truncated");
        assertThat(reports.get(1).get("message").asText()).isNotBlank();
        assertThat(imported.err()).contains("已生成回执");

        Result again = run("import", "--workspace", office, "--json", plan.toString());
        assertThat(again.status()).isZero();
        assertThat(new ObjectMapper().readTree(again.out()).get(0).get("status").asText()).isEqualTo("already-imported");

        Result review = run("review", "--workspace", office, "--unit", "SLT", "--year", "2008", "--approve",
                "--reason", "同意", "--out", answers.toString());
        assertThat(review.status()).as(review.err()).isZero();
        Result answersIn = run("import", "--workspace", unit, answers.toString());
        // certificate (already imported), receipt and approval
        assertThat(answersIn.status()).as(answersIn.out()).isZero();
        assertThat(answersIn.out()).contains("效能办已于").contains("批复同意");

        passphrase = "not the passphrase";
        Result wrong = run("export", "--workspace", unit, "--kind", "plan", "--year", "2008", "--out", plans.toString());
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.err()).contains("口令不正确");
        assertThat(run("export", "--workspace", unit, "--kind", "approval", "--year", "2008", "--out", "x").status())
                .isEqualTo(2);

        passphrase = "office and unit passphrase";
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Result clear = run("export", "--workspace", unit, "--kind", "progress", "--year", "2008", "--plain",
                "--out", plain.toString());
        assertThat(clear.status()).as(clear.err()).isZero();
        assertThat(manifestOf(only(plain, ".perfpkg"))).contains("perfdesk-package/1").contains("payload/snapshot.json");
        // A new office requires encrypted packages from its units, and says which setting refuses it.
        Result plainIn = run("import", "--workspace", office, plain.toString());
        assertThat(plainIn.status()).as(plainIn.out()).isEqualTo(1);
        assertThat(plainIn.out()).contains("要求下级单位加密报送");

        // --out naming a folder not made yet: each package goes in under its own name (it was one file,
        // each export replacing the one before); an existing file is never replaced.
        Path stick = dir.resolve("stick");
        assertThat(run("export", "--workspace", unit, "--kind", "progress", "--year", "2008", "--out", stick.toString())
                .status()).isZero();
        assertThat(run("export", "--workspace", unit, "--kind", "plan", "--year", "2008", "--out", stick.toString())
                .status()).isZero();
        try (var files = Files.list(stick)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).hasSize(2)
                    .anyMatch(n -> n.contains("-progress-")).anyMatch(n -> n.contains("-plan-"));
        }
        Path existing = only(plain, ".perfpkg");
        byte[] before = Files.readAllBytes(existing);
        Result over = run("export", "--workspace", unit, "--kind", "plan", "--year", "2008", "--out", existing.toString());
        assertThat(over.status()).isEqualTo(1);
        assertThat(over.err()).contains("已经存在，没有覆盖，也没有导出");
        assertThat(Files.readAllBytes(existing)).isEqualTo(before);
    }

    @Test
    void keysAreBackedUpRotatedAndRestoredAfterTheyAreLost() throws Exception {
        String office = dir.resolve("office").toString();
        assertThat(run("init", "--workspace", office, "--role", "office", "--code", "XNB", "--name", "省效能办").status())
                .isZero();
        Result shown = run("keys", "show", "--workspace", office);
        assertThat(shown.out()).contains("加密密钥核对码").contains("尚未备份");

        Path safe = Files.createDirectories(dir.resolve("safe"));
        Result backup = run("keys", "backup", "--workspace", office, "--out", safe.toString());
        assertThat(backup.status()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("密钥备份已写入").contains("1 个加密密钥");
        assertThat(run("keys", "show", "--workspace", office).out()).contains("密钥已于").doesNotContain("尚未备份");
        Path file = only(safe, ".json");

        Result rotate = run("keys", "rotate", "--workspace", office);
        assertThat(rotate.status()).as(rotate.err()).isZero();
        assertThat(rotate.out()).contains("已更换加密密钥").contains("1 个旧密钥仍保留");
        assertThat(run("keys", "show", "--workspace", office).out()).contains("尚未备份");

        // keys/ lost, passphrase forgotten: the backup and a new passphrase bring the keys back.
        try (Stream<Path> s = Files.walk(dir.resolve("office").resolve("keys"))) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        passphrase = "a brand new passphrase";
        backupPassphrase = "wrong backup passphrase";
        Result wrong = run("keys", "restore", "--workspace", office, file.toString());
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.err()).contains("口令不正确");
        backupPassphrase = "the key backup's own passphrase";
        Result restored = run("keys", "restore", "--workspace", office, file.toString());
        assertThat(restored.status()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("已从").contains("恢复签名密钥和 1 个加密密钥");
        Result card = run("keys", "card", "--workspace", office, "--out", dir.resolve("card.json").toString());
        assertThat(card.status()).as(card.err()).isZero();
        assertThat(Files.readString(dir.resolve("card.json"))).contains("\"encryptionKey\"");
    }

    private static String manifestOf(Path pkg) throws Exception {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(pkg.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
