package io.fieldsales.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The stack's data directory: stops what a stack killed too hard left running, wipes it on {@code --fresh} (only if
 * the stack made it), marks it as the stack's, and sends Kafka's and PostgreSQL's own logs to a file in it.
 */
final class DataDirectory {

    static final String MARKER = ".fieldsales-local-stack";

    private DataDirectory() {
    }

    /** Prepares the directory and returns the record of the processes the stack starts in it. */
    static ProcessRecords prepare(StackOptions options, StackConsole console) throws IOException, StackStartException {
        Path data = options.dataDir();
        Files.createDirectories(data);
        ProcessRecords records = new ProcessRecords(data);
        records.stopLeftovers(console.out());
        if (options.fresh()) {
            ProcessRecords.stopLeftoverPostgres(data.resolve("postgres"), console.out());
            boolean ours = Files.exists(data.resolve(MARKER));
            try (var entries = Files.list(data)) {
                if (!ours && entries.findAny().isPresent()) {
                    throw new StackStartException("--fresh would wipe " + data + ", which the local stack did not "
                            + "create (no " + MARKER + " in it); wipe or choose it yourself");
                }
            }
            console.println("  wiping    " + StackConsole.display(data));
            deleteContents(data);
        }
        Files.writeString(data.resolve(MARKER), "Data directory of deploy/local/run; --fresh wipes it.\n");
        Files.createDirectories(options.logDir());
        configureInfrastructureLogging(options.logDir());
        return records;
    }

    /** Kafka's and PostgreSQL's own logs go to a file; the console shows the stack's progress only. */
    private static void configureInfrastructureLogging(Path logDir) {
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
            System.setProperty("org.slf4j.simpleLogger.logFile", logDir.resolve("infrastructure.log").toString());
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.io.fieldsales", "info");
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        }
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (!d.equals(dir)) {
                    Files.delete(d);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
