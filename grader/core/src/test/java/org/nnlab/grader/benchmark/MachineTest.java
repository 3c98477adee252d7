package org.nnlab.grader.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineTest {

    @Test
    void aProcFieldIsTheValueAfterTheFirstColon() {
        List<String> cpuinfo = List.of("processor\t: 0", "model name\t: AMD EPYC 7B13", "model name\t: other");
        assertEquals("AMD EPYC 7B13", Machine.parseField(cpuinfo, "model name").orElseThrow());
        assertTrue(Machine.parseField(cpuinfo, "model").isEmpty());
    }
}
