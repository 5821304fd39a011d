package org.perfdesk.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.perfdesk.domain.Ids;
import org.perfdesk.domain.ProgramInfo;
import org.perfdesk.exchange.crypto.Suite;
import org.perfdesk.exchange.pkg.EntryNames;
import org.perfdesk.exchange.pkg.Manifest;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageWriter;
import org.perfdesk.exchange.pkg.Sealed;
import org.perfdesk.store.Folders;

/**
 * The first export in a JVM spends most of its time loading and interpreting code for the first time:
 * the JSON mapper, the ciphers, key agreement, signing, the zip writer and the read-back. While the
 * export reads the unit's rows from the database and writes its JSON (on two threads already, see
 * SnapshotMapper.takeAhead), a further thread writes, seals, signs and reads back a tiny throwaway
 * package under throwaway keys in a temporary folder, so those classes are loaded and initialised when
 * the real package reaches them; measured with it off, the first export took longer and its process's
 * CPU was no lower (class loading is done once either way, here off the exporting threads). Once per JVM; nothing of the workspace is touched; whatever it does not get to, the
 * export does itself as before.
 */
final class ExportWarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private ExportWarmUp() {
    }

    /** Starts the warm-up for packages of {@code suite} from {@code sender} to {@code recipient}, once per JVM. */
    static void start(Suite suite, String sender, String recipient, int year) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> run(suite, sender, recipient, year), "perfdesk-export-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void run(Suite suite, String sender, String recipient, int year) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("perfdesk-warm-up-");
            KeyPair signing = suite.newSigningKey();
            KeyPair encryption = suite.newEncryptionKey();
            Manifest header = new Manifest(Manifest.FORMAT, Ids.newId(), PackageKind.ANNUAL,
                    Manifest.Party.sender(sender, suite.keyId(signing.getPublic())),
                    Manifest.Party.recipient(recipient, null), year, 1, null, Instant.now().toString(),
                    ProgramInfo.version(), List.of());
            // Over a kilobyte, as a snapshot is: compressed after the compressibility probe.
            byte[] json = ("{\"format\":\"warm-up\",\"items\":[" + "{\"text\":\"预热\",\"n\":1.5},".repeat(60)
                    + "{}]}").getBytes(StandardCharsets.UTF_8);
            PackageWriter.write(dir.resolve("warm-up.perfpkg"), header, suite,
                    List.of(PackageWriter.Source.of(EntryNames.SNAPSHOT, json)), signing.getPrivate(),
                    signing.getPublic(), List.of(new Sealed.Recipient(recipient, encryption.getPublic())), null, null);
        } catch (IOException | RuntimeException | LinkageError ignored) {
            // only a head start
        } finally {
            if (dir != null) {
                Folders.deleteQuietly(dir);
            }
        }
    }
}
