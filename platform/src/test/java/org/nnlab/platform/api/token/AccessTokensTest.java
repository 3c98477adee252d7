package org.nnlab.platform.api.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTokensTest {
    @Test
    void studentsGetTheScopesForEveryone() {
        assertEquals(EnumSet.of(Scope.LABS_READ, Scope.SUBMISSIONS_WRITE),
                AccessTokens.scopes(List.of("labs:read", "submissions:write", "labs:read"), false));
    }

    @Test
    void theGradebookScopeIsForInstructorsOnly() {
        assertEquals("The scope gradebook:read is for instructors only.", assertThrows(TokenException.class,
                () -> AccessTokens.scopes(List.of("gradebook:read"), false)).getMessage());
        assertEquals(EnumSet.of(Scope.GRADEBOOK_READ), AccessTokens.scopes(List.of("gradebook:read"), true));
    }

    @Test
    void anUnknownScopeOrNoneIsRefusedSayingWhy() {
        assertEquals("There is no scope labs:write.", assertThrows(TokenException.class,
                () -> AccessTokens.scopes(List.of("labs:write"), true)).getMessage());
        assertEquals("Choose at least one scope: what the token may do.", assertThrows(TokenException.class,
                () -> AccessTokens.scopes(null, true)).getMessage());
    }

    @Test
    void secretsAreKeptAsTheirSha256() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", AccessTokens.sha256(""));
        assertEquals(64, AccessTokens.sha256(AccessTokens.PREFIX + "x").length());
    }
}
