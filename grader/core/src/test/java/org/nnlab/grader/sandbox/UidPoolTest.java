package org.nnlab.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uid pool hands out distinct uids that nobody uses, and takes them back. */
class UidPoolTest {

    @TempDir
    Path locks;

    @Test
    void concurrentLeasesGetDistinctUids() {
        UidPool pool = new UidPool(61900, 61909, locks);
        try (UidPool.Lease first = pool.acquire(); UidPool.Lease second = pool.acquire()) {
            assertNotEquals(first.uid(), second.uid());
        }
    }

    @Test
    void anExhaustedPoolRefusesAndAReleasedUidCanBeHandedOutAgain() {
        UidPool pool = new UidPool(61950, 61950, locks);
        UidPool.Lease only = pool.acquire();

        assertThrows(IllegalStateException.class, pool::acquire);
        only.close();
        try (UidPool.Lease again = pool.acquire()) {
            assertEquals(61950, again.uid());
        }
    }

    @Test
    void aUidLockedByAnotherPoolIsSkipped() {
        UidPool other = new UidPool(61960, 61961, locks);
        UidPool pool = new UidPool(61960, 61961, locks);
        try (UidPool.Lease held = other.acquire(); UidPool.Lease lease = pool.acquire()) {
            assertEquals(61960, held.uid());
            assertEquals(61961, lease.uid());
        }
    }

    @Test
    void aUidLockedByAnotherProcessIsSkippedAndHandedOutOnceThatProcessEnds() throws Exception {
        UidPool pool = new UidPool(61980, 61981, locks);
        Process otherGrader = FileLockHolder.start(pool.lockFile(61980));
        try (UidPool.Lease lease = pool.acquire()) {
            assertEquals(61981, lease.uid());
        } finally {
            otherGrader.getOutputStream().close();
            otherGrader.waitFor();
        }

        try (UidPool.Lease lease = pool.acquire()) {
            assertEquals(61980, lease.uid());
        }
    }

    @Test
    void aUserOfThisMachineIsNeverHandedOut() throws IOException {
        int user = Files.readAllLines(Path.of("/etc/passwd")).stream().map(line -> line.split(":"))
                .filter(fields -> fields.length > 2).mapToInt(fields -> Integer.parseInt(fields[2]))
                .filter(uid -> uid > 0).findFirst().orElse(-1);
        assumeTrue(user > 0, "/etc/passwd has no user but root");
        UidPool pool = new UidPool(user, user, locks);

        assertThrows(IllegalStateException.class, pool::acquire);
    }

    @Test
    void aUidThatARunningProcessUsesIsSkipped() throws Exception {
        assumeTrue(LinuxProcesses.uidsOfLiving(Path.of("/proc/self")).get(1) == 0, "only root can start a process as another uid");
        Process sleeper = new ProcessBuilder("setpriv", "--reuid=61970", "--regid=61970", "--clear-groups", "sleep", "20")
                .start();
        try {
            waitUntilUidRuns(61970);
            UidPool pool = new UidPool(61970, 61971, locks);
            try (UidPool.Lease lease = pool.acquire()) {
                assertEquals(61971, lease.uid());
            }
        } finally {
            sleeper.toHandle().destroyForcibly();
            sleeper.waitFor();
        }
    }

    private static void waitUntilUidRuns(long uid) throws InterruptedException {
        for (int i = 0; i < 100 && !LinuxProcesses.livingUids().contains(uid); i++) {
            Thread.sleep(20);
        }
        assertTrue(LinuxProcesses.livingUids().contains(uid), "a process runs as " + uid);
    }
}
