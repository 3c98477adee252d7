package org.nnlab.grader.reliability;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class as part of the reliability suite: each of its tests is one case of the category (an attack,
 * a fault, a bad input), recorded by {@link ReliabilityLedger} for the summary table that {@code ./nnlab test}
 * prints.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ReliabilityLedger.class)
public @interface Reliability {
    /** @return the category in the summary table, e.g. {@code hostile submissions} */
    String value();
}
