package org.nnlab.grader.reflection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.curve.Runs;

class ClaimReaderTest {
    private static final Curves BOTH = new Curves(List.of(Runs.modelA(), Runs.modelB()));
    private final ClaimReader reader = ClaimReader.standard();

    @Test
    void aLowestEpochFarFromTheMinimumIsContradictedWithTheFigures() {
        Claim claim = only("Model A's validation loss bottomed out around epoch 30.", "lowest-validation-loss");

        assertEquals(Verdict.CONTRADICTED, claim.verdict());
        assertEquals("A's validation loss is lowest at epoch 12 (0.08); at epoch 30 it was 0.116.", claim.finding());
    }

    @Test
    void aLowestEpochIsSupportedWithinOneEpochOrTenPercentWhenHedged() {
        assertEquals(Verdict.SUPPORTED, only("A's validation loss was lowest at epoch 13.",
                "lowest-validation-loss").verdict());
        assertEquals(Verdict.SUPPORTED, only("A's validation loss bottomed out around epoch 15.",
                "lowest-validation-loss").verdict());
        assertEquals(Verdict.CONTRADICTED, only("A's validation loss was lowest at epoch 15.",
                "lowest-validation-loss").verdict());
        assertEquals(Verdict.SUPPORTED, only("B's validation loss stops improving after epoch 39.",
                "lowest-validation-loss").verdict());
    }

    @Test
    void anEpochBeyondTheRunIsContradicted() {
        Claim claim = only("The validation loss of A was lowest at epoch 400.", "lowest-validation-loss");

        assertEquals(Verdict.CONTRADICTED, claim.verdict());
        assertTrue(claim.finding().startsWith("A has no epoch 400 (it recorded 40)"), claim.finding());
    }

    @Test
    void aRiseIsSupportedOnlyWhereTheValidationLossClimbsAboveItsMinimum() {
        assertEquals(Verdict.SUPPORTED, only("A's validation loss then rose.", "validation-loss-trend").verdict());
        Claim falseRise = only("B's validation loss rose in the last epochs.", "validation-loss-trend");
        assertEquals(Verdict.CONTRADICTED, falseRise.verdict());
        assertEquals("B's validation loss is lowest at its last epoch, 40 (0.0563): it did not rise.",
                falseRise.finding());
        assertEquals(Verdict.SUPPORTED, only("B's validation loss kept falling until epoch 40.",
                "validation-loss-trend").verdict());
        assertEquals(Verdict.CONTRADICTED, only("A's validation loss kept falling until epoch 40.",
                "validation-loss-trend").verdict());
        assertEquals(Verdict.CONTRADICTED, only("A's validation loss never rose.", "validation-loss-trend")
                .verdict());
    }

    @Test
    void aRiseOfTheTrainingLossOrAccuracyIsNoValidationLossClaim() {
        assertTrue(kinds("A's accuracy rose quickly, and its training loss kept falling.").stream()
                .noneMatch("validation-loss-trend"::equals));
    }

    @Test
    void theLargerGapIsTheOverfittingRunsAndClosingItIsTheRegularizedRuns() {
        Claim larger = only("Model A has a larger gap between training and validation loss than model B.",
                "generalization-gap");
        assertEquals(Verdict.SUPPORTED, larger.verdict());
        assertEquals("at the last epoch A's gap is 0.13 (validation 0.136, training 0.00603), against B's gap is "
                + "-0.0128 (validation 0.0563, training 0.0691).", larger.finding());
        assertEquals(Verdict.CONTRADICTED, only("B shows the wider generalization gap.", "generalization-gap")
                .verdict());
        assertEquals(Verdict.SUPPORTED, only("Model B closes the gap.", "generalization-gap").verdict());
        assertEquals(Verdict.SUPPORTED, only("A's gap keeps widening.", "generalization-gap").verdict());
        assertEquals(Verdict.SUPPORTED, only("B's training loss stays above its validation loss.",
                "generalization-gap").verdict());
        assertEquals(Verdict.CONTRADICTED, only("A's training loss stays above its validation loss.",
                "generalization-gap").verdict());
    }

    @Test
    void theArticleAIsNotRunA() {
        List<Clause> clauses = ClaimReader.clauses("A larger gap opens for B. A reaches 97.5%.", BOTH);

        assertEquals(List.of("B"), clauses.get(0).subjects());
        assertEquals(List.of("A"), clauses.get(1).subjects());
    }

    @Test
    void aPronounCarriesTheRunOfTheSentenceBefore() {
        List<Clause> clauses = ClaimReader.clauses("Model B converges slowly. Its learning rate was halved twice.",
                BOTH);

        assertEquals(List.of("B"), clauses.get(1).subjects());
        assertTrue(clauses.get(1).named());
    }

    @Test
    void aPronounAfterASentenceOnSeveralRunsNamesNone() {
        List<Clause> clauses = ClaimReader.clauses("A and B end at 0.136 and 0.0563. Its rate was halved twice.",
                BOTH);

        assertEquals(false, clauses.get(1).named());
        assertEquals(List.of(), ClaimReader.clauses("It repeats each of them.", BOTH).get(0).subjects());
    }

    @Test
    void accuracyComparisonsUseTheBestValidationAccuracy() {
        Claim higher = only("B reaches a higher accuracy than A.", "accuracy-comparison");
        assertEquals(Verdict.SUPPORTED, higher.verdict());
        assertEquals("B reaches 98.1% at best, A 97.5%.", higher.finding());
        assertEquals(Verdict.CONTRADICTED, only("Model A reaches the higher validation accuracy.",
                "accuracy-comparison").verdict());
        assertEquals(Verdict.SUPPORTED, only("Both reach similar accuracy.", "accuracy-comparison").verdict());
        assertEquals(Verdict.SUPPORTED, only("A does not reach a higher accuracy than B.", "accuracy-comparison")
                .verdict());
    }

    @Test
    void learningRateDropsAreCountedTimedAndSized() {
        assertEquals(Verdict.SUPPORTED, only("Model B's learning rate was halved twice.", "learning-rate-drop")
                .verdict());
        Claim thrice = only("Model B's learning rate was halved three times.", "learning-rate-drop");
        assertEquals(Verdict.CONTRADICTED, thrice.verdict());
        assertEquals("B's learning rate fell twice: at epoch 20 (0.001 to 0.0005), at epoch 31 (0.0005 to 0.00025), "
                + "not 3 times.", thrice.finding());
        assertEquals(Verdict.SUPPORTED, only("B's learning rate dropped after epoch 19.", "learning-rate-drop")
                .verdict());
        assertEquals(Verdict.CONTRADICTED, only("B's learning rate dropped at epoch 5.", "learning-rate-drop")
                .verdict());
        Claim constant = only("A's learning rate was reduced on plateaus.", "learning-rate-drop");
        assertEquals(Verdict.CONTRADICTED, constant.verdict());
        assertEquals("A's learning rate stayed 0.001 for all 40 epochs.", constant.finding());
        assertEquals(Verdict.SUPPORTED, only("A trains with a constant learning rate.", "learning-rate-drop")
                .verdict());
    }

    @Test
    void overfittingIsJudgedFromTheCurvesAndFromWhichEpoch() {
        assertEquals(Verdict.SUPPORTED, only("A overfits from epoch 13.", "fitting").verdict());
        assertEquals(Verdict.CONTRADICTED, only("A starts to overfit after epoch 30.", "fitting").verdict());
        Claim overfitsB = only("B overfits.", "fitting");
        assertEquals(Verdict.CONTRADICTED, overfitsB.verdict());
        assertTrue(overfitsB.finding().startsWith("B does not overfit: its validation loss still fell"),
                overfitsB.finding());
        assertEquals(Verdict.SUPPORTED, only("B shows no sign of overfitting.", "fitting").verdict());
        assertEquals(List.of(), kinds("Regularization reduces overfitting in B."));
    }

    @Test
    void convergenceSpeedComparesWhenTwoRunsReachTheSameLoss() {
        Claim slower = only("B converges more slowly than A.", "convergence-speed");
        assertEquals(Verdict.SUPPORTED, slower.verdict());
        assertEquals("validation loss 0.12 is reached at epoch 17 by B and at epoch 9 by A.", slower.finding());
        assertEquals(Verdict.CONTRADICTED, only("B learns faster than A.", "convergence-speed").verdict());
    }

    @Test
    void figuresAreCheckedAgainstTheRunAndEpochTheyAreAbout() {
        assertEquals(Verdict.SUPPORTED, only("A drives its training loss to 0.006 by epoch 40.", "value").verdict());
        Claim wrongEpoch = only("A drives its training loss to 0.006 by epoch 10.", "value");
        assertEquals(Verdict.CONTRADICTED, wrongEpoch.verdict());
        assertEquals("at epoch 10 A recorded training loss 0.0553, validation loss 0.0965 and accuracy 94.6%: not "
                + "0.006.", wrongEpoch.finding());
        assertEquals(Verdict.SUPPORTED, only("B reaches 98.1% accuracy.", "value").verdict());
        assertEquals(Verdict.CONTRADICTED, only("A reaches 99.5% accuracy.", "value").verdict());
        assertEquals(Verdict.SUPPORTED, only("A reaches over 97% accuracy.", "value").verdict());
    }

    @Test
    void aFigureOfEveryRunMustHoldForEachAndOneOfNoRunForSome() {
        List<Claim> both = reader.read("Both reach about 98% validation accuracy.", BOTH);
        assertEquals(List.of(Verdict.SUPPORTED, Verdict.SUPPORTED), both.stream().map(Claim::verdict).toList());
        List<Claim> wrong = reader.read("Both reach 98.1% validation accuracy.", BOTH);
        assertEquals(List.of(Verdict.SUPPORTED, Verdict.CONTRADICTED), wrong.stream().map(Claim::verdict).toList());
        assertEquals(Verdict.SUPPORTED, only("The best accuracy was 98.1%.", "value").verdict());
        assertEquals(Verdict.CONTRADICTED, only("The best accuracy was 99.9%.", "value").verdict());
    }

    @Test
    void relativeFiguresAndHyperparametersAreNoRecordedValues() {
        assertEquals(List.of(), kinds("Accuracy was 2.5% higher with a weight decay of 0.0001 and dropout 0.2."));
    }

    @Test
    void aClaimOfNoNamedRunIsNotCheckable() {
        Claim claim = only("The validation loss bottomed out at epoch 12.", "lowest-validation-loss");

        assertEquals(Verdict.NOT_CHECKABLE, claim.verdict());
    }

    private Claim only(String text, String kind) {
        List<Claim> claims = reader.read(text, BOTH).stream().filter(c -> c.kind().equals(kind)).toList();
        assertEquals(1, claims.size(), () -> "claims of " + kind + " in \"" + text + "\": "
                + reader.read(text, BOTH));
        return claims.get(0);
    }

    private List<String> kinds(String text) {
        return reader.read(text, BOTH).stream().map(Claim::kind).toList();
    }
}
