package org.nnlab.platform.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountsTest {
    private static final String CURRENT = "current-password-1";
    private final Accounts accounts = new Accounts();
    private final UserAccount student = new UserAccount("student", "hash of " + CURRENT, Role.STUDENT, "Student");

    @BeforeEach
    @SuppressWarnings("unchecked")
    void wire() {
        accounts.entityManager = mock(EntityManager.class);
        accounts.passwords = mock(Passwords.class);
        TypedQuery<UserAccount> query = mock(TypedQuery.class);
        when(accounts.entityManager.createQuery(anyString(), eq(UserAccount.class))).thenReturn(query);
        when(query.setParameter("username", "student")).thenReturn(query);
        when(query.getResultStream()).thenAnswer(invocation -> Stream.of(student));
        when(accounts.passwords.matches(any(), any())).thenAnswer(invocation -> ("hash of " + invocation
                .getArgument(0)).equals(invocation.getArgument(1)));
        when(accounts.passwords.hash(any())).thenAnswer(invocation -> "hash of " + invocation.getArgument(0));
    }

    @Test
    void aPasswordIsChangedWhenTheCurrentOneIsRightAndTheNewOneIsRepeated() {
        assertEquals(PasswordChange.CHANGED, accounts.changePassword("student", CURRENT, "new-password-1",
                "new-password-1"));
        assertEquals("hash of new-password-1", student.getPasswordHash());
    }

    @Test
    void eachRefusalSaysWhyAndChangesNothing() {
        assertEquals(PasswordChange.WRONG_CURRENT_PASSWORD, accounts.changePassword("student", "a-guess-12",
                "new-password-1", "new-password-1"));
        assertEquals(PasswordChange.BAD_LENGTH, accounts.changePassword("student", CURRENT, "short", "short"));
        assertEquals(PasswordChange.NOT_REPEATED, accounts.changePassword("student", CURRENT, "new-password-1",
                "new-password-2"));
        assertEquals(PasswordChange.UNCHANGED, accounts.changePassword("student", CURRENT, CURRENT, CURRENT));
        assertEquals("hash of " + CURRENT, student.getPasswordHash());
    }
}
