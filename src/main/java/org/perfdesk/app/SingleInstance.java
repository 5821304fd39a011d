package org.perfdesk.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.perfdesk.store.SafeFiles;

/**
 * One window per user: a second start (a double-clicked {@code .perfpkg}, the menu entry again)
 * hands its package files to the window already open and ends, instead of being refused by the
 * workspace lock. The first window listens on a loopback port written, with a random token, to
 * {@code instance.txt} in the program's folder; only a process of the same user can read the
 * token, and only paths travel.
 */
final class SingleInstance implements AutoCloseable {
    static final String FILE = "instance.txt";
    private static final Logger LOG = Logger.getLogger(SingleInstance.class.getName());
    private static final int CONNECT_TIMEOUT_MS = 1_000;
    private static final String OK = "OK";

    private final ServerSocket server;
    private final Path file;
    private final String token;

    private SingleInstance(ServerSocket server, Path file, String token) {
        this.server = server;
        this.file = file;
        this.token = token;
    }

    /**
     * Gives {@code packages} to the window already running for this user; false when there is none
     * (or it does not answer), and this process should open its own.
     */
    static boolean handOver(Path home, List<Path> packages) {
        Path f = home.resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return false;
        }
        if (lines.size() < 2) {
            return false;
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(lines.get(0).strip())),
                    CONNECT_TIMEOUT_MS);
            s.setSoTimeout(5_000);
            Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
            out.write(lines.get(1).strip() + "\n");
            for (Path p : packages) {
                out.write(p.toAbsolutePath() + "\n");
            }
            out.write("\n");
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            return OK.equals(in.readLine());
        } catch (IOException | NumberFormatException e) {
            // A file left by a window that crashed: nobody listens, so this process is the window.
            return false;
        }
    }

    /** Starts listening; {@code receive} gets the packages of every later start (on a socket thread). */
    static SingleInstance listen(Path home, Consumer<List<Path>> receive) throws IOException {
        ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        Path file = home.resolve(FILE);
        Files.createDirectories(home);
        SafeFiles.writeAtomically(file, (server.getLocalPort() + "\n" + token + "\n").getBytes(StandardCharsets.UTF_8));
        SingleInstance instance = new SingleInstance(server, file, token);
        Thread t = new Thread(() -> instance.serve(receive), "perfdesk-single-instance");
        t.setDaemon(true);
        t.start();
        return instance;
    }

    private void serve(Consumer<List<Path>> receive) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(5_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                if (!token.equals(in.readLine())) {
                    continue;
                }
                List<Path> packages = new ArrayList<>();
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    packages.add(Path.of(line));
                }
                Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
                out.write(OK + "\n");
                out.flush();
                receive.accept(packages);
            } catch (IOException | RuntimeException e) {
                if (!server.isClosed()) {
                    LOG.log(Level.FINE, "a second start could not hand over", e);
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            // Only our own entry: never one another window wrote since.
            if (Files.isRegularFile(file) && Files.readAllLines(file, StandardCharsets.UTF_8).contains(token)) {
                Files.delete(file);
            }
        } catch (IOException ignored) {
            // the next start finds nobody listening and takes over
        }
    }
}
