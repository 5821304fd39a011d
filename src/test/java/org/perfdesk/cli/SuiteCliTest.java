package org.perfdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.World;
import org.perfdesk.exchange.crypto.Suite;

/** The suite on the command line: init --suite gm, a unit following the office's card, keys show, verify and move-suite. */
class SuiteCliTest {
    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, (ws, demo, files) -> 0, new PrintWriter(out), new PrintWriter(err),
                name -> name.equals("PERFDESK_PASSPHRASE") ? World.PASSPHRASE : null);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void aGmOfficeAndAUnitThatFollowsItsCard() throws java.io.IOException {
        String office = dir.resolve("office").toString();
        String unit = dir.resolve("SLT").toString();
        Result init = run("init", "--workspace", office, "--role", "office", "--code", "XNB", "--name", "效能办",
                "--year", "2008", "--suite", "gm");
        assertThat(init.status()).as(init.err()).isZero();
        assertThat(run("keys", "show", "--workspace", office).out()).contains(Suite.GM.label());

        Path card = dir.resolve("office.perfcard");
        Result written = run("keys", "card", "--workspace", office, "--out", card.toString());
        assertThat(written.status()).as(written.err()).isZero();
        assertThat(written.out()).contains(Suite.GM.label());

        // A unit made without choosing takes the office's algorithms from its card.
        assertThat(run("init", "--workspace", unit, "--role", "unit", "--code", "SLT", "--name", "水利厅",
                "--parent", "XNB", "--year", "2008").status()).isZero();
        assertThat(run("keys", "show", "--workspace", unit).out()).contains(Suite.INTL.label());
        String fingerprint = KeyRegistry.readCard(card).fingerprint();
        Result pinned = run("enroll", "pin", "--workspace", unit, "--card", card.toString(), "--fingerprint",
                fingerprint);
        assertThat(pinned.status()).as(pinned.err()).isZero();
        assertThat(run("keys", "show", "--workspace", unit).out()).contains(Suite.GM.label());

        Path requests = java.nio.file.Files.createDirectories(dir.resolve("requests"));
        Result request = run("enroll", "request", "--workspace", unit, "--out", requests.toString());
        assertThat(request.status()).as(request.err()).isZero();
        Path file = requests.toFile().listFiles()[0].toPath();
        Result verified = run("verify", file.toString());
        assertThat(verified.out()).contains(Suite.GM.label());

        // Moving to gm-1 again is refused with a reason; an intl office can move from a new year.
        Result again = run("keys", "move-suite", "--workspace", office, "--suite", "gm", "--from-year", "2009");
        assertThat(again.status()).isNotZero();
        assertThat(again.err()).contains(Suite.GM.label());
    }
}
