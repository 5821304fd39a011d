package org.perfdesk.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import org.perfdesk.exchange.crypto.Envelope;
import org.perfdesk.exchange.crypto.KeyFile;
import org.perfdesk.exchange.crypto.Suite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The algorithm suites side by side, operation by operation (the package code does not use gm-1 yet):
 * signing and verifying a manifest, hashing, wrapping and unwrapping a content key, sealing and opening
 * entries of 1 MB of incompressible bytes (stored by DEFLATE, so the figure is mostly the cipher's), and unlocking a
 * key file at the rounds real key files use. The suites take turns within each round so that a busy
 * machine slows both alike; medians are printed. The figures are this thread's CPU time, not the wall
 * clock: on a machine shared with other work the wall clock mostly measures the others. The first use of
 * each suite in the JVM (class loading, curve tables) is shown apart: every CLI command pays it once; so are the first 10 MB sealed and opened, before the JIT has compiled the ciphers (the JDK's AES-GCM
 * is many times faster once compiled), which is where a freshly started program does its work.
 */
@Command(name = "crypto", mixinStandardHelpOptions = true,
        description = "Time each algorithm suite's operations (intl-1 against gm-1) and print them side by side.")
final class CryptoBench implements Callable<Integer> {
    private static final String PACKAGE = "00000000-0000-4000-8000-000000000001";
    private static final String SENDER = "0123456789abcdef0123456789abcdef";
    private static final int ENTRY = 1024 * 1024;
    private static final int COLD_ENTRIES = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Spec
    CommandSpec spec;
    @Option(names = "--mb", defaultValue = "100", description = "Megabytes hashed, sealed and opened (default 100).")
    int mb;
    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds (default 5).")
    int rounds;
    @Option(names = "--ops", defaultValue = "200", description = "Signatures, verifications, wraps per round (default 200).")
    int ops;

    /** One suite's keys and data for the run. */
    private record Subject(Suite suite, KeyPair signing, KeyPair encryption, byte[] signature, byte[] contentKey,
                           Envelope.Wrapped wrapped, List<byte[]> sealed, KeyFile.Box box) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        byte[] manifest = manifest();
        byte[] data = new byte[mb * 1024 * 1024];
        new Random(13).nextBytes(data);
        char[] passphrase = "bench passphrase".toCharArray();
        byte[] aad = SENDER.getBytes(StandardCharsets.US_ASCII);
        int iterations = Integer.getInteger("perfdesk.test.kdfIterations", KeyFile.ITERATIONS);

        Map<String, double[]> firstUse = new LinkedHashMap<>();
        List<Subject> subjects = new ArrayList<>();
        for (Suite s : Suite.all()) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            KeyPair signing = s.newSigningKey();
            byte[] signature = s.sign(signing.getPrivate(), manifest);
            boolean valid = s.verify(signing.getPublic(), manifest, signature);
            double first = BenchSupport.ms(THREADS.getCurrentThreadCpuTime() - t0);
            // the first 10 MB a fresh program seals and opens: before the JIT has compiled the cipher
            byte[] key = s.newContentKey();
            double cold = cpu(() -> {
                for (int i = 0; i < COLD_ENTRIES; i++) {
                    byte[] sealed = s.seal(key, PACKAGE, i, entry(data, i));
                    s.open(key, PACKAGE, i, sealed, ENTRY);
                }
            });
            firstUse.put(s.id(), new double[] {first, cold});
            if (!valid) {
                throw new IllegalStateException(s.id() + " does not verify its own signature");
            }
            KeyPair encryption = s.newEncryptionKey();
            byte[] contentKey = s.newContentKey();
            subjects.add(new Subject(s, signing, encryption, signature, contentKey,
                    s.wrap(contentKey, encryption.getPublic(), PACKAGE, SENDER), sealAll(s, contentKey, data),
                    s.lock(new KeyFile.Passphrase(passphrase), aad, encryption.getPrivate().getEncoded())));
        }

        String[] names = {"sign a manifest, ms", "verify a manifest, ms", "hash " + mb + " MB, ms",
            "wrap a content key, ms", "unwrap a content key, ms", "seal " + mb + " MB (1 MB entries), ms",
            "open " + mb + " MB (1 MB entries), ms",
            "unlock a key file (" + iterations + " rounds), ms"};
        Map<String, List<List<Double>>> figures = new LinkedHashMap<>();
        for (Subject s : subjects) {
            List<List<Double>> perOp = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                perOp.add(new ArrayList<>());
            }
            figures.put(s.suite().id(), perOp);
        }
        // one unmeasured round first: the JIT would otherwise count against whichever suite runs first
        for (int r = -1; r < rounds; r++) {
            for (Subject s : subjects) {
                double[] t = round(s, manifest, data, passphrase, aad);
                if (r >= 0) {
                    for (int i = 0; i < t.length; i++) {
                        figures.get(s.suite().id()).get(i).add(t[i]);
                    }
                }
            }
        }

        out.printf("suites side by side: %d MB of random bytes, %d operations per figure, %d rounds, medians of CPU time;"
                + " %s, %d cores%n",
                mb, ops, rounds, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        out.println("| operation | intl-1 | gm-1 | gm-1 / intl-1 |");
        out.println("| --- | ---: | ---: | ---: |");
        line(out, "first use in this JVM (key pair, sign, verify), ms", firstUse.get("intl-1")[0],
                firstUse.get("gm-1")[0]);
        line(out, "first " + COLD_ENTRIES + " MB sealed and opened in this JVM, ms", firstUse.get("intl-1")[1],
                firstUse.get("gm-1")[1]);
        for (int i = 0; i < names.length; i++) {
            line(out, names[i], BenchSupport.median(figures.get("intl-1").get(i)),
                    BenchSupport.median(figures.get("gm-1").get(i)));
        }
        double intlHash = BenchSupport.median(figures.get("intl-1").get(2));
        double gmHash = BenchSupport.median(figures.get("gm-1").get(2));
        double intlOpen = BenchSupport.median(figures.get("intl-1").get(6));
        double gmOpen = BenchSupport.median(figures.get("gm-1").get(6));
        out.printf("throughput, MB/s of CPU time: hash %.0f / %.0f, open %.0f / %.0f (intl-1 / gm-1)%n", mb / intlHash * 1000,
                mb / gmHash * 1000, mb / intlOpen * 1000, mb / gmOpen * 1000);
        return 0;
    }

    /** One round of every operation for one suite, in ms (per operation for the small ones). */
    private double[] round(Subject s, byte[] manifest, byte[] data, char[] passphrase, byte[] aad) throws Exception {
        Suite suite = s.suite();
        double[] t = new double[8];
        t[0] = cpu(() -> {
            for (int i = 0; i < ops; i++) {
                suite.sign(s.signing().getPrivate(), manifest);
            }
        }) / ops;
        t[1] = cpu(() -> {
            for (int i = 0; i < ops; i++) {
                if (!suite.verify(s.signing().getPublic(), manifest, s.signature())) {
                    throw new IllegalStateException("not verified");
                }
            }
        }) / ops;
        t[2] = cpu(() -> {
            MessageDigest md = suite.newDigest();
            for (int off = 0; off < data.length; off += 64 * 1024) {
                md.update(data, off, Math.min(64 * 1024, data.length - off)); // as a file is read
            }
            md.digest();
        });
        t[3] = cpu(() -> {
            for (int i = 0; i < ops; i++) {
                suite.wrap(s.contentKey(), s.encryption().getPublic(), PACKAGE, SENDER);
            }
        }) / ops;
        t[4] = cpu(() -> {
            for (int i = 0; i < ops; i++) {
                suite.unwrap(s.wrapped(), s.encryption(), PACKAGE, SENDER);
            }
        }) / ops;
        t[5] = cpu(() -> {
            for (int i = 0; i < s.sealed().size(); i++) {
                suite.seal(s.contentKey(), PACKAGE, i, entry(data, i));
            }
        });
        t[6] = cpu(() -> {
            for (int i = 0; i < s.sealed().size(); i++) {
                if (suite.open(s.contentKey(), PACKAGE, i, s.sealed().get(i), ENTRY).length != ENTRY) {
                    throw new IllegalStateException("opened other bytes");
                }
            }
        });
        // a fresh Passphrase each time: it remembers what it stretched
        t[7] = cpu(() -> suite.unlock(s.box(), new KeyFile.Passphrase(passphrase), aad, "bench"));
        return t;
    }

    /** The data as the entries of a package, 1 MB each. */
    private static List<byte[]> sealAll(Suite s, byte[] contentKey, byte[] data) {
        List<byte[]> sealed = new ArrayList<>();
        for (int i = 0; i < data.length / ENTRY; i++) {
            sealed.add(s.seal(contentKey, PACKAGE, i, entry(data, i)));
        }
        return sealed;
    }

    private static byte[] entry(byte[] data, int i) {
        return Arrays.copyOfRange(data, i * ENTRY, (i + 1) * ENTRY);
    }

    /** The CPU time this thread spends on {@code work}, in ms. */
    private static double cpu(BenchSupport.ThrowingRunnable work) throws Exception {
        long t0 = THREADS.getCurrentThreadCpuTime();
        work.run();
        return BenchSupport.ms(THREADS.getCurrentThreadCpuTime() - t0);
    }

    private static void line(PrintWriter out, String what, double intl, double gm) {
        out.printf("| %s | %s | %s | %.2f× |%n", what, figure(intl), figure(gm), gm / intl);
    }

    private static String figure(double ms) {
        return ms < 10 ? String.format("%.3f", ms) : String.format("%.0f", ms);
    }

    /** A manifest-sized text: what is signed and verified once per package. */
    private static byte[] manifest() {
        StringBuilder m = new StringBuilder("{\n  \"format\" : \"perfdesk-package/2\",\n  \"entries\" : [ ");
        for (int i = 0; i < 12; i++) {
            m.append("{\n    \"path\" : \"sealed/0000").append(i % 10).append("\",\n    \"size\" : ").append(1000 + i)
                    .append(",\n    \"sha256\" : \"").append("0123456789abcdef".repeat(4)).append("\"\n  }, ");
        }
        return m.append("]\n}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
