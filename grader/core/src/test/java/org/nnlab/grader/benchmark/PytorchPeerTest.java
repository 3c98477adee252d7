package org.nnlab.grader.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PytorchPeerTest {

    @Test
    void theResultIsTheScriptsLastLine() throws Exception {
        PytorchPeer.Result result = PytorchPeer.parse("a warning\n{\"torch\": \"1.13.1\", \"threads\": 1, "
                + "\"trainingRows\": 1257, \"validationRows\": 270, \"epochs\": 40, "
                + "\"A\": {\"seconds\": 1.5, \"finalValidationAccuracy\": 0.98, \"bestValidationAccuracy\": 0.99, "
                + "\"finalLearningRate\": 0.001}, \"B\": {\"seconds\": 1.6, \"finalValidationAccuracy\": 0.97, "
                + "\"bestValidationAccuracy\": 0.98, \"finalLearningRate\": 0.00025}}\n");
        assertEquals("1.13.1", result.torch());
        assertEquals(1.5, result.a().seconds());
        assertEquals(0.00025, result.b().finalLearningRate());
        assertEquals(1257, result.trainingRows());
    }
}
