package org.nnlab.platform.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.platform.web.InputException;

class EnrolmentsTest {
    private final Enrolments enrolments = new Enrolments();

    @Test
    void aFileWithOrWithoutHeaderListsItsStudentsAndNamesDefaultToTheUserName() throws Exception {
        String file = "username,name\nada,\"Lovelace, Ada\"\n\nbob\n";

        assertEquals(List.of(new Enrolments.Student("ada", "Lovelace, Ada"), new Enrolments.Student("bob", "bob")),
                enrolments.read(new StringReader(file)));
        assertEquals(List.of(new Enrolments.Student("ada", "Ada")), enrolments.read(new StringReader("ada,Ada\n")));
    }

    @Test
    void everyBadLineIsNamedAndNoOneIsEnrolled() {
        InputException error = assertThrows(InputException.class, () -> enrolments.read(new StringReader(
                "ada,Ada\nBad Name,X\nada,Again\n")));

        assertEquals("No one was enrolled; fix these lines first: line 2: 'Bad Name' is not a user name (2 to 64 "
                + "lower-case letters, digits, '.', '_' or '-'); line 3: ada is listed twice.", error.getMessage());
    }

    @Test
    void aFileWithoutStudentsIsRefused() {
        InputException error = assertThrows(InputException.class, () -> enrolments.read(new StringReader(
                "username,name\n")));

        assertEquals("The file lists no student: write one username,name per line.", error.getMessage());
    }
}
