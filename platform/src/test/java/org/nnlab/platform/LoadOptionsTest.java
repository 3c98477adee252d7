package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {
    private static final String SUBMISSIONS = "nnlab.load.submissions";

    @AfterEach
    void clearTheProperty() {
        System.clearProperty(SUBMISSIONS);
    }

    @Test
    void withoutPropertiesABurstOf200WhereEveryTwentiethTrains() {
        LoadOptions options = LoadOptions.fromSystemProperties();

        assertEquals(200, options.submissions());
        assertTrue(options.trains(20) && options.trains(200));
        assertFalse(options.trains(1) || options.trains(19));
        assertEquals(Duration.ofMinutes(30), options.timeLimit());
        assertEquals(40, options.warmupSeconds());
    }

    @Test
    void aCountThatIsNotAWholeNumberIsRefusedNamingTheProperty() {
        System.setProperty(SUBMISSIONS, "lots");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                LoadOptions::fromSystemProperties);

        assertEquals("nnlab.load.submissions must be a whole number, not 'lots'", refused.getMessage());
    }

    @Test
    void noSubmissionsIsRefusedNamingTheProperty() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new LoadOptions(0, 20, 16, 10, 40, Duration.ofMinutes(30), Path.of("a.json"),
                        Path.of("a.txt")));

        assertEquals("nnlab.load.submissions must be at least 1, not 0", refused.getMessage());
    }

    @Test
    void aWarmUpOfOneSecondIsRefusedSinceItCannotBeHalved() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new LoadOptions(20, 20, 16, 10, 1, Duration.ofMinutes(30), Path.of("a.json"),
                        Path.of("a.txt")));

        assertEquals("nnlab.load.warmupSeconds must be 0 (none) or at least 2, not 1", refused.getMessage());
    }
}
