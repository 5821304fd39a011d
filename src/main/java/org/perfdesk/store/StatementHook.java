package org.perfdesk.store;

import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For the crash tests only, never in normal use: counts every database statement that can write
 * (execute, update, batch, commit, rollback, the start and end of a transaction) on the workspace's
 * connection, and can stop the process dead in its tracks after the k-th one, so a test can kill it
 * there and check what the next start finds.
 *
 * <p>Switched on by system properties, read once: {@value #STOP_AFTER}{@code =k} prints
 * {@value #STOPPED_LINE}{@code k} on stdout after the k-th statement and then blocks forever (holding
 * the database, so nothing else happens) until the test kills the process; {@value #TRACE}{@code =true}
 * prints {@value #TRACE_LINE}{@code n} after every statement. Without them, connections are used as
 * they are: no proxy, no cost.
 */
final class StatementHook {
    static final String STOP_AFTER = "perfdesk.test.stopAfterStatement";
    static final String TRACE = "perfdesk.test.traceStatements";
    static final String STOPPED_LINE = "perfdesk-test: stopped after statement ";
    static final String TRACE_LINE = "perfdesk-test: statement ";

    private static final long STOP_AT = Long.getLong(STOP_AFTER, 0L);
    private static final boolean TRACING = Boolean.getBoolean(TRACE);
    private static final AtomicLong COUNT = new AtomicLong();
    private static final PrintStream OUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    private static final Set<String> COUNTED_ON_STATEMENTS = Set.of("execute", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");
    private static final Set<String> COUNTED_ON_CONNECTION = Set.of("commit", "rollback", "setAutoCommit",
            "releaseSavepoint", "setSavepoint");

    private StatementHook() {
    }

    static boolean active() {
        return STOP_AT > 0 || TRACING;
    }

    /** The connection itself when the hook is off; else a counting proxy around it. */
    static Connection wrap(Connection c) {
        if (!active()) {
            return c;
        }
        return (Connection) Proxy.newProxyInstance(StatementHook.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Counting(c, COUNTED_ON_CONNECTION));
    }

    private static void counted() {
        long n = COUNT.incrementAndGet();
        if (TRACING) {
            OUT.println(TRACE_LINE + n);
        }
        if (n == STOP_AT) {
            OUT.println(STOPPED_LINE + n);
            OUT.flush();
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException ignored) {
                    // stay here until killed
                }
            }
        }
    }

    private static final class Counting implements InvocationHandler {
        private final Object target;
        private final Set<String> counted;

        Counting(Object target, Set<String> counted) {
            this.target = target;
            this.counted = counted;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (counted.contains(method.getName())) {
                counted();
            }
            if (result instanceof PreparedStatement ps) {
                return Proxy.newProxyInstance(StatementHook.class.getClassLoader(),
                        new Class<?>[] {PreparedStatement.class}, new Counting(ps, COUNTED_ON_STATEMENTS));
            }
            if (result instanceof Statement s) {
                return Proxy.newProxyInstance(StatementHook.class.getClassLoader(), new Class<?>[] {Statement.class},
                        new Counting(s, COUNTED_ON_STATEMENTS));
            }
            return result;
        }
    }
}
