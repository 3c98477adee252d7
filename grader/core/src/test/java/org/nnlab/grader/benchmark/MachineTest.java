package org.nnlab.grader.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void busyCpuSecondsCountEveryTimeButIdleAndIoWaitInHundredths() {
        // cpu user nice system idle iowait irq softirq steal guest guest_nice
        assertEquals(12.34, Machine.busyCpuSeconds("cpu  1000 4 200 99999 888 10 15 5 0 0"), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Machine.busyCpuSeconds("cpu0 1 2 3 4 5 6 7 8"));
        assertTrue(Machine.busyCpuSecondsNow() > 0, "this machine has been busy since it booted");
    }
}
