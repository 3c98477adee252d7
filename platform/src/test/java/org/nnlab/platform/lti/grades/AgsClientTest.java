package org.nnlab.platform.lti.grades;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AgsClientTest {
    @Test
    void scoresGoUnderTheLineItemsPath() {
        assertEquals("https://lms.example.org/lineitems/7/scores",
                AgsClient.scoresUrl("https://lms.example.org/lineitems/7").toString());
    }

    @Test
    void aLineItemsQueryIsKeptAfterTheScoresPath() {
        assertEquals("https://lms.example.org/mod/lti/services.php/2/lineitems/7/lineitem/scores?type_id=1",
                AgsClient.scoresUrl("https://lms.example.org/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1")
                        .toString());
    }
}
