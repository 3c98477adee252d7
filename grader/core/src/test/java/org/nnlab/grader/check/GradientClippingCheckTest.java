package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.grader.lab.LabException;
import org.nnlab.grader.network.NetworkDescription;
import org.nnlab.protocol.EpochRecord;

class GradientClippingCheckTest {
    private final Check check = Fixtures.check(GradientClippingCheck.TYPE,
            "{run: clipped, method: ClipL2PerLayer, threshold: 1.0}");

    @Test
    void aSavedNetworkClippedPerLayerAtTheThresholdPasses() {
        CheckOutcome outcome = check.evaluate(evidence(Fixtures.network("clipped"), List.of(
                epoch(1, 2.5), epoch(2, 0.75))));

        assertEquals(1, outcome.fraction(), outcome.message());
        assertEquals("Run clipped clips its gradients with ClipL2PerLayer at 1 on every layer. Its mean gradient norm "
                + "before clipping (whole network) went from 2.5 in the first epoch to 0.75 in the last.",
                outcome.message());
    }

    @Test
    void aNetworkWithoutClippingFailsWithTheBuilderCall() {
        CheckOutcome outcome = check.evaluate(evidence(Fixtures.network("A"), List.of(epoch(1, 2.5))));

        assertEquals(0, outcome.fraction());
        assertEquals("Run clipped, layer 0 (DenseLayer): found gradient normalization None; expected ClipL2PerLayer. "
                + "Set it on the configuration builder: .gradientNormalization(GradientNormalization.ClipL2PerLayer)"
                + ".gradientNormalizationThreshold(1).", outcome.message());
    }

    @Test
    void anotherThresholdFails() {
        NetworkDescription network = Fixtures.network("clipped", json -> Fixtures.layer(json, 1)
                .put("gradientNormalizationThreshold", 5.0));

        CheckOutcome outcome = check.evaluate(evidence(network, List.of(epoch(1, 2.5))));

        assertEquals(0, outcome.fraction());
        assertEquals("Run clipped, layer 1 (OutputLayer): the ClipL2PerLayer threshold is 5; expected 1.",
                outcome.message());
    }

    @Test
    void anotherMethodFails() {
        Check elementWise = Fixtures.check(GradientClippingCheck.TYPE,
                "{run: clipped, method: ClipElementWiseAbsoluteValue, threshold: 1.0}");

        CheckOutcome outcome = elementWise.evaluate(evidence(Fixtures.network("clipped"), List.of(epoch(1, 2.5))));

        assertEquals(0, outcome.fraction());
    }

    @Test
    void aRunWithoutASavedNetworkFails() {
        assertEquals("Run clipped has no saved network whose gradient clipping could be checked.",
                check.evaluate(Fixtures.evidence(Map.of(), Map.of(), Map.of())).message());
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("an unknown method", "{run: A, method: ClipL3, threshold: 1}",
                        "field 'checks[0].params.method' must be one of ClipL2PerLayer, ClipL2PerParamType, "
                                + "ClipElementWiseAbsoluteValue, RenormalizeL2PerLayer, RenormalizeL2PerParamType, "
                                + "not 'ClipL3'"),
                Arguments.of("a missing threshold", "{run: A, method: ClipL2PerLayer}",
                        "field 'checks[0].params.threshold' is missing"),
                Arguments.of("a zero threshold", "{run: A, method: ClipL2PerLayer, threshold: 0}",
                        "field 'checks[0].params.threshold' must be greater than 0"),
                Arguments.of("a threshold for a renormalization", "{run: A, method: RenormalizeL2PerLayer, "
                        + "threshold: 1}", "field 'checks[0].params.threshold' is not a known field here"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParameters")
    void badParametersAreRefusedNamingTheFileAndField(String name, String params, String message) {
        LabException error = assertThrows(LabException.class,
                () -> Fixtures.check(GradientClippingCheck.TYPE, params));

        assertEquals("lab.yaml: " + message, error.getMessage());
    }

    private static EpochRecord epoch(int epoch, double gradientNorm) {
        return new EpochRecord(epoch, 0.5, 0.5, 0.9, 0.1, 40, gradientNorm);
    }

    private static Evidence evidence(NetworkDescription network, List<EpochRecord> epochs) {
        return Fixtures.evidence(Map.of("clipped", new RunEvidence("clipped", epochs, network, null, null, null)),
                Map.of(), Map.of());
    }
}
