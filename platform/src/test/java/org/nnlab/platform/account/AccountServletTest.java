package org.nnlab.platform.account;

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
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nnlab.platform.web.Pages;

class AccountServletTest {
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final AccountServlet servlet = new AccountServlet();

    @BeforeEach
    void wire() {
        servlet.pages = mock(Pages.class);
        servlet.accounts = mock(Accounts.class);
        when(request.getRemoteUser()).thenReturn("student");
        when(request.getContextPath()).thenReturn("/nnlab");
        when(request.getParameter("current")).thenReturn("old-password");
        when(request.getParameter("password")).thenReturn("new-password-1");
        when(request.getParameter("repeated")).thenReturn("new-password-1");
    }

    @Test
    void aChangedPasswordRedirectsToTheAccountPageWithAConfirmation() throws Exception {
        when(servlet.accounts.changePassword("student", "old-password", "new-password-1", "new-password-1"))
                .thenReturn(Optional.empty());

        servlet.doPost(request, response);

        verify(response).sendRedirect("/nnlab/account?password=changed");
        verify(servlet.pages, never()).render(any(), any(), any(), anyMap());
    }

    @Test
    void aRefusedChangeShowsWhyWithStatus400() throws Exception {
        when(servlet.accounts.changePassword("student", "old-password", "new-password-1", "new-password-1"))
                .thenReturn(Optional.of("The current password is wrong."));

        servlet.doPost(request, response);

        verify(response).setStatus(HttpServletResponse.SC_BAD_REQUEST);
        verify(servlet.pages).render(eq(request), eq(response), eq("account"),
                argThat(model -> "The current password is wrong.".equals(model.get("error"))));
        verify(response, never()).sendRedirect(any());
    }
}
