package org.nnlab.platform.lti.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.platform.web.InputException;

class RegistrationFormTest {
    private static RegistrationForm form(String issuer, String deployments, String authUrl) {
        return RegistrationForm.of("DL-101", issuer, " client-1 ", deployments, authUrl,
                "https://lms.example.org/token", "https://lms.example.org/certs");
    }

    @Test
    void deploymentIdsMaySeparateByLinesOrCommas() {
        RegistrationForm form = form("https://lms.example.org", "1\r\n2, 3\n\n1", "https://lms.example.org/auth")
                .validated();

        assertEquals(List.of("1", "2", "3"), form.deploymentIds());
        assertEquals("client-1", form.clientId());
    }

    @Test
    void anIssuerMustBeAnHttpsUrl() {
        InputException refused = assertThrows(InputException.class, () -> form("http://lms.example.org", "1",
                "https://lms.example.org/auth").validated());

        assertTrue(refused.getMessage().startsWith("Issuer:"), refused.getMessage());
        assertTrue(refused.getMessage().contains("https"), refused.getMessage());
    }

    @Test
    void localhostMayUsePlainHttp() {
        assertEquals("http://localhost:8081", form("http://localhost:8081", "1", "http://localhost:8081/auth")
                .validated().issuer());
    }

    @Test
    void aMissingDeploymentIsNamed() {
        assertTrue(assertThrows(InputException.class, () -> form("https://lms.example.org", " ",
                "https://lms.example.org/auth").validated()).getMessage().startsWith("Deployment ID"));
    }

    @Test
    void aMalformedUrlIsNamedWithItsField() {
        String message = assertThrows(InputException.class, () -> form("https://lms.example.org", "1",
                "not a url").validated()).getMessage();

        assertTrue(message.startsWith("OIDC authentication URL:"), message);
    }
}
