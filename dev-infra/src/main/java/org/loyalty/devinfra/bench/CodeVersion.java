package org.loyalty.devinfra.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Which code a benchmark run measured: the checkout's commit, and whether files it tracks were
 * changed. A report is only comparable with another of the same code, or read as a change of it.
 */
final class CodeVersion {

    private CodeVersion() {
    }

    static String describe(Path checkout) {
        try {
            String commit = git(checkout, "rev-parse", "--short", "HEAD");
            boolean changed = !git(checkout, "status", "--porcelain", "--untracked-files=no").isEmpty();
            return changed ? commit + " with uncommitted changes" : commit;
        } catch (IOException notAGitCheckout) {
            return "unknown (" + notAGitCheckout.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown (interrupted)";
        }
    }

    /** Runs git in {@code checkout} and answers its output; fails unless git exits with 0. */
    static String git(Path checkout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", checkout.toString()));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!git.waitFor(10, TimeUnit.SECONDS) || git.exitValue() != 0) {
            throw new IOException("git " + String.join(" ", arguments) + ": " + output);
        }
        return output;
    }
}
