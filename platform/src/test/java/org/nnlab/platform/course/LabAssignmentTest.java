package org.nnlab.platform.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class LabAssignmentTest {
    private static final LocalDateTime OPENS = LocalDateTime.of(2026, 11, 1, 0, 0);
    private static final LocalDateTime DEADLINE = LocalDateTime.of(2026, 11, 30, 23, 59);

    @Test
    void aSubmissionBeforeTheLabOpensIsRefusedWithTheOpeningTime() {
        Admission admission = assignment(LatePolicy.PENALTY, 10).admit(OPENS.minusMinutes(1));

        assertFalse(admission.accepted());
        assertEquals("This lab opens for submissions at 2026-11-01 00:00 UTC.", admission.refusal());
    }

    @Test
    void aSubmissionUpToTheDeadlineIsOnTime() {
        assertEquals(new Admission(null, 0, 0), assignment(LatePolicy.REFUSE, 0).admit(DEADLINE));
    }

    @Test
    void aLateSubmissionIsRefusedUnderTheRefusePolicy() {
        Admission admission = assignment(LatePolicy.REFUSE, 0).admit(DEADLINE.plusSeconds(61));

        assertFalse(admission.accepted());
        assertTrue(admission.refusal().contains("accepts no late submission"));
    }

    @Test
    void thePenaltyGrowsPerStartedDayAndStopsAtTheWholeScore() {
        LabAssignment assignment = assignment(LatePolicy.PENALTY, 30);

        assertEquals(new Admission(null, 1, 0.3), assignment.admit(DEADLINE.plusMinutes(1)));
        assertEquals(new Admission(null, 1, 0.3), assignment.admit(DEADLINE.plusHours(24)));
        assertEquals(2, assignment.admit(DEADLINE.plusHours(24).plusMinutes(1)).daysLate());
        assertEquals(1.0, assignment.admit(DEADLINE.plusDays(5)).penalty());
    }

    @Test
    void aDeadlineBeforeTheOpeningOrAnImpossiblePenaltyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LabAssignment(null, "lab", DEADLINE, OPENS,
                LatePolicy.REFUSE, 0));
        assertThrows(IllegalArgumentException.class, () -> assignment(LatePolicy.PENALTY, 0));
        assertThrows(IllegalArgumentException.class, () -> assignment(LatePolicy.PENALTY, 150));
    }

    private static LabAssignment assignment(LatePolicy policy, double percent) {
        return new LabAssignment(null, "lab", OPENS, DEADLINE, policy, percent);
    }
}
