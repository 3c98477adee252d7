package org.nnlab.platform.account;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nnlab.platform.api.token.AccessTokens;
import org.nnlab.platform.web.Pages;

class AccountServletTest {
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private static final String ADDRESS = "192.0.2.7";
    private final AccountServlet servlet = new AccountServlet();

    @BeforeEach
    void wire() {
        servlet.pages = mock(Pages.class);
        servlet.accounts = mock(Accounts.class);
        servlet.throttle = new LoginThrottle();
        servlet.tokens = mock(AccessTokens.class);
        when(request.getRemoteUser()).thenReturn("student");
        when(request.getRemoteAddr()).thenReturn(ADDRESS);
        when(request.getContextPath()).thenReturn("/nnlab");
        when(request.getParameter("current")).thenReturn("old-password");
        when(request.getParameter("password")).thenReturn("new-password-1");
        when(request.getParameter("repeated")).thenReturn("new-password-1");
    }

    @Test
    void aChangedPasswordRedirectsToTheAccountPageWithAConfirmation() throws Exception {
        when(servlet.accounts.changePassword("student", "old-password", "new-password-1", "new-password-1"))
                .thenReturn(PasswordChange.CHANGED);

        servlet.doPost(request, response);

        verify(response).sendRedirect("/nnlab/account?password=changed");
        verify(servlet.pages, never()).render(any(), any(), any(), anyMap());
    }

    @Test
    void aRefusedChangeShowsWhyWithStatus400() throws Exception {
        when(servlet.accounts.changePassword("student", "old-password", "new-password-1", "new-password-1"))
                .thenReturn(PasswordChange.WRONG_CURRENT_PASSWORD);

        servlet.doPost(request, response);

        verify(response).setStatus(HttpServletResponse.SC_BAD_REQUEST);
        verify(servlet.pages).render(eq(request), eq(response), eq("account"),
                argThat(model -> "The current password is wrong.".equals(model.get("error"))));
        verify(response, never()).sendRedirect(any());
    }

    @Test
    void wrongCurrentPasswordsLockTheAccountAsFailedLoginsDo() throws Exception {
        when(servlet.accounts.changePassword("student", "old-password", "new-password-1", "new-password-1"))
                .thenReturn(PasswordChange.WRONG_CURRENT_PASSWORD);

        postAsOftenAsFailedLoginsLockAnAccount();

        assertTrue(servlet.throttle.lockedFor("student", "198.51.100.1").isPresent(), "the account is locked");
    }

    @Test
    void otherRefusalsDoNotCountAsFailedLogins() throws Exception {
        when(servlet.accounts.changePassword("student", "old-password", "new-password-1", "new-password-1"))
                .thenReturn(PasswordChange.NOT_REPEATED);

        postAsOftenAsFailedLoginsLockAnAccount();

        assertTrue(servlet.throttle.lockedFor("student", ADDRESS).isEmpty());
    }

    @Test
    void aChangeOnALockedAccountIsRefusedWith429AndTheTimeToWaitWithoutCheckingThePassword() throws Exception {
        for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
            servlet.throttle.failed("student", "198.51.100.1");
        }

        servlet.doPost(request, response);

        verify(response).setStatus(429);
        verify(response).setHeader(eq("Retry-After"), argThat(seconds -> Long.parseLong(seconds) > 0));
        verify(servlet.pages).render(eq(request), eq(response), eq("account"),
                argThat(model -> "Too many failed attempts: try again in 1 minute.".equals(model.get("error"))));
        verify(servlet.accounts, never()).changePassword(any(), any(), any(), any());
    }

    private void postAsOftenAsFailedLoginsLockAnAccount() throws Exception {
        for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
            servlet.doPost(request, response);
        }
    }
}
