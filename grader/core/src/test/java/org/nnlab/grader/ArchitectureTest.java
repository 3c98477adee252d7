package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The trusted grader never has ND4J, DL4J, student API classes or Jakarta EE on its class path. */
class ArchitectureTest {

    @ParameterizedTest
    @ValueSource(strings = {"org.nd4j.linalg.factory.Nd4j", "org.deeplearning4j.nn.multilayer.MultiLayerNetwork",
        "org.bytedeco.javacpp.Loader", "org.nnlab.api.LabSolution", "org.nnlab.harness.train.TrainingMain",
        "jakarta.servlet.http.HttpServlet", "jakarta.inject.Inject"})
    void aForbiddenClassIsNotOnTheGradersClassPath(String className) {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(className));
    }
}
