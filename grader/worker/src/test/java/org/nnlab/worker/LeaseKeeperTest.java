package org.nnlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeaseKeeperTest {
    /** The jobs' leases as the database holds them: attempt by job id, and who asked for a renewal. */
    private final Map<String, Integer> running = new HashMap<>();
    private final List<String> renewed = new ArrayList<>();
    private final LeaseKeeper keeper = new LeaseKeeper((jobId, attempt) -> {
        renewed.add(jobId + "#" + attempt);
        return attempt.equals(running.get(jobId));
    });

    @Test
    void theLeaseOfEveryJobBeingGradedIsRenewedUntilItsWorkerReleasesIt() {
        ClaimedJob first = claimed();
        ClaimedJob second = claimed();
        keeper.hold(first);
        keeper.hold(second);

        keeper.renewAll();
        keeper.release(first);
        keeper.renewAll();

        assertEquals(1, Collections.frequency(renewed, first.id() + "#1"));
        assertEquals(2, Collections.frequency(renewed, second.id() + "#1"));
        assertEquals(Set.of(second.id()), keeper.held());
    }

    @Test
    void aLeaseThatEndedIsNotRenewedAgainSoAnotherAttemptCanHaveTheJob() {
        ClaimedJob job = claimed();
        keeper.hold(job);
        running.put(job.id(), 2); // an instructor's retry ended the lease and another worker claimed it

        keeper.renewAll();
        keeper.renewAll();

        assertEquals(List.of(job.id() + "#1"), renewed);
        assertEquals(Set.of(), keeper.held());
    }

    @Test
    void aRenewalTheDatabaseRefusedIsTriedAgainNextTime() {
        ClaimedJob job = claimed();
        LeaseKeeper flaky = new LeaseKeeper((jobId, attempt) -> {
            renewed.add(jobId);
            if (renewed.size() == 1) {
                throw new IllegalStateException("the database is unavailable");
            }
            return true;
        });
        flaky.hold(job);

        flaky.renewAll();
        flaky.renewAll();

        assertEquals(2, renewed.size());
        assertEquals(Set.of(job.id()), flaky.held());
    }

    @Test
    void leasesAreRenewedEveryThirdOfTheLeaseAndAtMostOnceASecond() {
        assertEquals(Duration.ofSeconds(20), LeaseKeeper.interval(Duration.ofSeconds(60)));
        assertEquals(Duration.ofSeconds(1), LeaseKeeper.interval(Duration.ofSeconds(2)));
    }

    private ClaimedJob claimed() {
        ClaimedJob job = new ClaimedJob(java.util.UUID.randomUUID().toString(), "submission", 1);
        running.put(job.id(), job.attempt());
        return job;
    }
}
