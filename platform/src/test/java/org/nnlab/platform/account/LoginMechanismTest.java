package org.nnlab.platform.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginMechanismTest {
    private static final UsernamePasswordCredential CREDENTIAL =
            new UsernamePasswordCredential("ada", new Password("secret"));
    private final LoginMechanism mechanism = new LoginMechanism();
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final HttpSession session = mock(HttpSession.class);
    private final HttpMessageContext context = mock(HttpMessageContext.class);

    @BeforeEach
    void aRequestWithASession() {
        mechanism.identityStores = mock(IdentityStoreHandler.class);
        mechanism.endedSessions = mock(EndedSessions.class);
        when(session.getId()).thenReturn("session-1");
        when(request.getSession()).thenReturn(session);
        when(request.getContextPath()).thenReturn("");
        when(context.getAuthParameters()).thenReturn(AuthenticationParameters.withParams());
        when(context.notifyContainerAboutLogin(any(String.class), any())).thenReturn(AuthenticationStatus.SUCCESS);
        when(context.redirect(any())).thenReturn(AuthenticationStatus.SEND_CONTINUE);
        when(context.doNothing()).thenReturn(AuthenticationStatus.NOT_DONE);
    }

    @Test
    void aValidLoginKeepsTheCallersNameAndRolesInTheSessionAndGivesBothToTheContainer() {
        loginWith(new CredentialValidationResult(new CallerPrincipal("ada"), Set.of("student")));

        assertEquals(AuthenticationStatus.SUCCESS, mechanism.validateRequest(request, response, context));
        verify(session).setAttribute(LoginMechanism.CALLER, new SessionCaller("ada", Set.of("student")));
        verify(context).notifyContainerAboutLogin("ada", Set.of("student"));
    }

    @Test
    void aWrongPasswordFailsAndKeepsNothing() {
        loginWith(CredentialValidationResult.INVALID_RESULT);

        assertEquals(AuthenticationStatus.SEND_FAILURE, mechanism.validateRequest(request, response, context));
        verify(session, never()).setAttribute(any(), any());
    }

    @Test
    void everyLaterRequestOfTheSessionGivesTheContainerTheRolesAgain() {
        when(request.getSession(false)).thenReturn(session);
        when(session.getAttribute(LoginMechanism.CALLER)).thenReturn(new SessionCaller("ada", Set.of("student")));

        assertEquals(AuthenticationStatus.SUCCESS, mechanism.validateRequest(request, response, context));
        verify(context).notifyContainerAboutLogin("ada", Set.of("student"));
    }

    @Test
    void aSessionThatLoggedOutOnAnotherInstanceIsLoggedInNoMore() {
        when(request.getSession(false)).thenReturn(session);
        when(session.getAttribute(LoginMechanism.CALLER)).thenReturn(new SessionCaller("ada", Set.of("student")));
        when(mechanism.endedSessions.ended("session-1")).thenReturn(true);
        when(context.isProtected()).thenReturn(true);
        when(request.getMethod()).thenReturn("GET");
        when(request.getRequestURI()).thenReturn("/account");

        assertEquals(AuthenticationStatus.SEND_CONTINUE, mechanism.validateRequest(request, response, context));
        verify(session).invalidate();
        verify(context, never()).notifyContainerAboutLogin(any(String.class), any());
        verify(context).redirect("/login");
    }

    @Test
    void aProtectedPageWithoutALoginRedirectsToTheLoginAndIsRememberedForAfterIt() {
        when(context.isProtected()).thenReturn(true);
        when(request.getMethod()).thenReturn("GET");
        when(request.getRequestURI()).thenReturn("/labs/digits");
        when(request.getQueryString()).thenReturn("tab=report");

        assertEquals(AuthenticationStatus.SEND_CONTINUE, mechanism.validateRequest(request, response, context));
        verify(context).redirect("/login");
        verify(session).setAttribute(LoginMechanism.CONTINUE, "/labs/digits?tab=report");
    }

    @Test
    void anOpenPageWithoutALoginIsLeftAlone() {
        assertEquals(AuthenticationStatus.NOT_DONE, mechanism.validateRequest(request, response, context));
        verify(context, never()).notifyContainerAboutLogin(any(String.class), any());
    }

    @Test
    void theRememberedPageIsTakenOutOfTheSessionOnce() {
        when(session.getAttribute(LoginMechanism.CONTINUE)).thenReturn("/labs/digits");

        assertEquals("/labs/digits", LoginMechanism.takeContinuation(session));
        verify(session).removeAttribute(LoginMechanism.CONTINUE);
        when(session.getAttribute(LoginMechanism.CONTINUE)).thenReturn(null);
        assertNull(LoginMechanism.takeContinuation(session));
    }

    private void loginWith(CredentialValidationResult result) {
        when(context.isAuthenticationRequest()).thenReturn(true);
        when(context.getAuthParameters()).thenReturn(AuthenticationParameters.withParams().credential(CREDENTIAL));
        when(mechanism.identityStores.validate(CREDENTIAL)).thenReturn(result);
    }
}
