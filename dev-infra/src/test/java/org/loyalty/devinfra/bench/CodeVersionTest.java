package org.loyalty.devinfra.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's "code" line, against real git checkouts. */
class CodeVersionTest {

    @TempDir
    Path checkout;

    @Test
    void aCleanCheckoutIsItsCommitAndAChangedOneSaysSo() throws Exception {
        git("init", "-q");
        Files.writeString(checkout.resolve("tracked.txt"), "first");
        git("add", "tracked.txt");
        git("-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "-q", "-m", "first");
        String commit = git("rev-parse", "--short", "HEAD");

        assertEquals(commit, CodeVersion.describe(checkout));

        Files.writeString(checkout.resolve("tracked.txt"), "changed");
        assertEquals(commit + " with uncommitted changes", CodeVersion.describe(checkout));
    }

    @Test
    void aDirectoryOutsideAnyCheckoutIsUnknown() {
        assertTrue(CodeVersion.describe(checkout).startsWith("unknown ("), CodeVersion.describe(checkout));
    }

    private String git(String... arguments) throws Exception {
        return CodeVersion.git(checkout, arguments);
    }
}
