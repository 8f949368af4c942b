package io.fieldsales.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The repository under test and the external tools the checks run (kubectl, node). */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("fieldsales.repo-root", "../..")).toAbsolutePath().normalize();
    static final Path CHECKS = ROOT.resolve("deploy/checks");

    private Repo() {
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs a command in the repository root, feeding it {@code stdin}; fails the test if it cannot run at all. */
    static Result run(List<String> command, String stdin, Path dir) {
        try {
            Path out = Files.createTempFile("fieldsales-check", ".out");
            Path err = Files.createTempFile("fieldsales-check", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            // Redocly CLI: no usage telemetry, no update notice
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            Process p = builder.start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 5 minutes");
            }
            Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command) + " (" + e.getMessage() + "): "
                    + hint(command.get(0)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String hint(String tool) {
        return switch (tool) {
            case "kubectl" -> "the deployment checks need kubectl (with its built-in kustomize) on the PATH";
            case "promtool" -> "the observability checks need promtool on the PATH (Debian's prometheus package: "
                    + ".ci/run installs it: apt-get install prometheus)";
            case "node", "npm" -> "the deployment checks need node and npm on the PATH (.ci/run installs them: "
                    + "apt-get install nodejs npm)";
            default -> "is it installed?";
        };
    }

    /**
     * The node packages of deploy/checks/package.json, installed exactly as package-lock.json pins them (npm ci,
     * install scripts off) when node_modules is missing or older than the lock file.
     */
    static synchronized void ensureNodePackages() throws IOException {
        Path installed = CHECKS.resolve("node_modules/.package-lock.json");
        if (Files.exists(installed) && Files.getLastModifiedTime(installed).compareTo(
                Files.getLastModifiedTime(CHECKS.resolve("package-lock.json"))) >= 0) {
            return;
        }
        Result r = run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"), null, CHECKS);
        if (r.exitCode() != 0) {
            throw new AssertionError("npm ci failed in deploy/checks:\n" + r.stdout() + r.stderr());
        }
    }

    /** Runs one of deploy/checks/src/test/node's scripts. */
    static Result node(String script, String stdin, String... args) throws IOException {
        ensureNodePackages();
        List<String> command = new java.util.ArrayList<>(List.of("node", "src/test/node/" + script));
        command.addAll(List.of(args));
        return run(command, stdin, CHECKS);
    }
}
