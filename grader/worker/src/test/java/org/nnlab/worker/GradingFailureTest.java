package org.nnlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GradingFailureTest {

    @Test
    void anExceptionIsWorthAnotherAttemptAndItsMessageIsShown() {
        IllegalStateException failure = new IllegalStateException("the lab digits has no revision 3");

        assertTrue(GradingFailure.worthRetrying(failure));
        assertEquals("The platform could not grade this submission: the lab digits has no revision 3",
                GradingFailure.message(failure));
    }

    @Test
    void anExceptionWithoutAMessageIsNamed() {
        assertEquals("The platform could not grade this submission: NullPointerException",
                GradingFailure.message(new NullPointerException()));
    }

    @Test
    void aStackOverflowInTheGraderFailsAtOnceNamingWhereItHappened() {
        StackOverflowError overflow = overflow(0);

        assertFalse(GradingFailure.worthRetrying(overflow));
        assertEquals("The grader crashed while grading this submission (StackOverflowError in "
                + GradingFailureTest.class.getName() + ".overflow). This is not a fault of the submission: the "
                + "instructor can have it graded again once the grader is fixed.", GradingFailure.message(overflow));
    }

    @Test
    void anErrorInsideTheJdkNamesTheCodeThatCalledIt() {
        StackOverflowError overflow = new StackOverflowError();
        overflow.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.lang.String", "indexOf", "String.java", 2400),
                new StackTraceElement("org.example.SentenceCheck", "sentences", "SentenceCheck.java", 30)});

        assertTrue(GradingFailure.message(overflow).startsWith("The grader crashed while grading this submission "
                + "(StackOverflowError in org.example.SentenceCheck.sentences)."), GradingFailure.message(overflow));
    }

    private static StackOverflowError overflow(int depth) {
        try {
            return overflow(depth + 1);
        } catch (StackOverflowError e) {
            return e;
        }
    }
}
