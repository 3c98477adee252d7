package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.lab.LabException;
import org.nnlab.protocol.EpochRecord;

class ConvergenceRankingCheckTest {
    private static final int NEVER = 0;
    private final Check check = Fixtures.check(ConvergenceRankingCheck.TYPE,
            "{runs: [SGD, Momentum, Adam, RMSProp], level: 0.2}");

    @Test
    void ranksByTheFirstEpochAtTheLevelPass() {
        CheckOutcome outcome = check.evaluate(evidence(Map.of("SGD", NEVER, "Momentum", 9, "Adam", 12, "RMSProp", 11),
                Map.of("rank.SGD", 4.0, "rank.Momentum", 1.0, "rank.Adam", 3.0, "rank.RMSProp", 2.0)));

        assertEquals(1, outcome.fraction(), outcome.message());
        assertEquals("Your ranking matches the curves: validation loss 0.2 reached at SGD never (rank 4), Momentum "
                + "epoch 9 (rank 1), Adam epoch 12 (rank 3), RMSProp epoch 11 (rank 2).", outcome.message());
    }

    @Test
    void runsReachingTheLevelAtTheSameEpochShareARankAndTheNextIsSkipped() {
        CheckOutcome outcome = check.evaluate(evidence(Map.of("SGD", 9, "Momentum", 4, "Adam", 6, "RMSProp", 6),
                Map.of("rank.SGD", 4.0, "rank.Momentum", 1.0, "rank.Adam", 2.0, "rank.RMSProp", 2.0)));

        assertEquals(1, outcome.fraction(), outcome.message());
    }

    @Test
    void runsThatNeverReachTheLevelShareTheLastRank() {
        CheckOutcome outcome = check.evaluate(evidence(Map.of("SGD", NEVER, "Momentum", 5, "Adam", NEVER,
                "RMSProp", 7), Map.of("rank.SGD", 3.0, "rank.Momentum", 1.0, "rank.Adam", 3.0, "rank.RMSProp", 2.0)));

        assertEquals(1, outcome.fraction(), outcome.message());
    }

    @Test
    void eachRunRankedWronglyCostsItsShareAndIsExplained() {
        CheckOutcome outcome = check.evaluate(evidence(Map.of("SGD", NEVER, "Momentum", 9, "Adam", 12, "RMSProp", 11),
                Map.of("rank.SGD", 4.0, "rank.Momentum", 1.0, "rank.Adam", 2.0, "rank.RMSProp", 3.0)));

        assertEquals(0.5, outcome.fraction());
        assertEquals("rank.Adam = 2, but Adam reaches validation loss 0.2 at epoch 12, which ranks 3. rank.RMSProp = 3, "
                + "but RMSProp reaches validation loss 0.2 at epoch 11, which ranks 2. Rank by the first epoch whose "
                + "validation loss is at most 0.2 (1 = fastest; equal epochs share a rank, the next rank is skipped; "
                + "runs that never reach it share the last rank). Measured: validation loss 0.2 reached at SGD never "
                + "(rank 4), Momentum epoch 9 (rank 1), Adam epoch 12 (rank 3), RMSProp epoch 11 (rank 2).",
                outcome.message());
    }

    @Test
    void aDenseRankingOfTiesIsWrongForTheRunAfterTheTie() {
        CheckOutcome outcome = check.evaluate(evidence(Map.of("SGD", 9, "Momentum", 4, "Adam", 6, "RMSProp", 6),
                Map.of("rank.SGD", 3.0, "rank.Momentum", 1.0, "rank.Adam", 2.0, "rank.RMSProp", 2.0)));

        assertEquals(0.75, outcome.fraction(), outcome.message());
    }

    @Test
    void missingRanksScoreNothingAndSayHowToReport() {
        CheckOutcome outcome = check.evaluate(evidence(Map.of("SGD", NEVER, "Momentum", 9, "Adam", 12, "RMSProp", 11),
                Map.of()));

        assertEquals(0, outcome.fraction());
        assertEquals("No rank was reported for rank.SGD, rank.Momentum, rank.Adam, rank.RMSProp: call "
                + "ctx.report(\"rank.SGD\", rank).", outcome.message().substring(0, outcome.message().indexOf(" Rank")));
    }

    @Test
    void aRunWithoutCurvesCannotBeRanked() {
        CheckOutcome outcome = check.evaluate(evidence(Map.of("SGD", 3, "Momentum", 2, "Adam", 1), Map.of()));

        assertEquals("Run RMSProp recorded no epoch, so the runs cannot be ranked.", outcome.message());
    }

    @Test
    void aKeyPrefixOfTheLabIsUsed() {
        Check prefixed = Fixtures.check(ConvergenceRankingCheck.TYPE,
                "{runs: [SGD, Adam], level: 0.2, keyPrefix: speed.}");

        CheckOutcome outcome = prefixed.evaluate(evidence(Map.of("SGD", 8, "Adam", 3),
                Map.of("speed.SGD", 2.0, "speed.Adam", 1.0)));

        assertEquals(1, outcome.fraction(), outcome.message());
    }

    @Test
    void fewerThanTwoRunsAreRefusedNamingTheField() {
        LabException error = assertThrows(LabException.class,
                () -> Fixtures.check(ConvergenceRankingCheck.TYPE, "{runs: [SGD], level: 0.2}"));

        assertEquals("lab.yaml: field 'checks[0].params.runs' must name at least two different runs to rank",
                error.getMessage());
    }

    @Test
    void aMissingLevelIsRefusedNamingTheField() {
        LabException error = assertThrows(LabException.class,
                () -> Fixtures.check(ConvergenceRankingCheck.TYPE, "{runs: [SGD, Adam]}"));

        assertEquals("lab.yaml: field 'checks[0].params.level' is missing", error.getMessage());
    }

    @Test
    void anUnknownParameterIsRefusedNamingTheField() {
        LabException error = assertThrows(LabException.class,
                () -> Fixtures.check(ConvergenceRankingCheck.TYPE, "{runs: [SGD, Adam], level: 0.2, metric: loss}"));

        assertEquals("lab.yaml: field 'checks[0].params.metric' is not a known field here", error.getMessage());
    }

    /** @return evidence of runs of 15 epochs whose validation loss first reaches 0.2 at the given epoch (0: never) */
    private static Evidence evidence(Map<String, Integer> reachAt, Map<String, Double> reported) {
        Map<String, RunEvidence> runs = new java.util.HashMap<>();
        reachAt.forEach((name, epoch) -> runs.put(name, new RunEvidence(name, curve(epoch), null, null, null, null)));
        return Fixtures.evidence(runs, reported, Map.of());
    }

    private static List<EpochRecord> curve(int reachAt) {
        List<EpochRecord> epochs = new ArrayList<>();
        for (int e = 1; e <= 15; e++) {
            double loss = reachAt != NEVER && e >= reachAt ? 0.2 - 0.001 * (e - reachAt) : 0.3 + 0.01 * (15 - e);
            epochs.add(new EpochRecord(e, loss, loss, 0.9, 0.01, 40, Double.NaN));
        }
        return epochs;
    }
}
