package org.nnlab.platform.lti.launch;

import com.nimbusds.jose.jwk.JWK;
import java.util.Optional;

/** Where the LMS's public keys come from. */
@FunctionalInterface
public interface KeySource {
    /**
     * @param kid     the key id an id token names
     * @param refresh whether to fetch the key set again first (the LMS may have rotated its keys)
     * @return the key with that id
     */
    Optional<JWK> key(String kid, boolean refresh);
}
