package org.nnlab.platform.lti.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The tool's RSA 2048 key pair, made on first use and stored in the database, so that every platform instance signs
 * with the same key; it signs deep-linking responses and the client assertions of grade passback.
 */
@ApplicationScoped
public class ToolKeys {
    private static final Logger LOG = Logger.getLogger(ToolKeys.class.getName());

    @Inject
    ToolKeyStore store;

    private volatile RSAKey key;

    /** @return the public part as a JWK set, with its kid */
    public JWKSet publicKeys() {
        return new JWKSet(key().toPublicJWK());
    }

    /**
     * Signs claims with the tool key (RS256, its kid in the header).
     *
     * @return the compact JWT
     */
    public String sign(JWTClaimsSet claims) {
        RSAKey pair = key();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(pair.getKeyID())
                .type(com.nimbusds.jose.JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(pair));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the tool key: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    private RSAKey key() {
        RSAKey known = key;
        if (known == null) {
            synchronized (this) {
                if (key == null) {
                    key = loadOrCreate();
                }
                known = key;
            }
        }
        return known;
    }

    private RSAKey loadOrCreate() {
        Optional<String> stored = store.stored();
        if (stored.isEmpty()) {
            try {
                store.store(generate().toJSONString());
                LOG.info("LTI: made the tool's RSA key");
            } catch (RuntimeException e) {
                LOG.info("LTI: another instance stored the tool key first (" + e.getMessage() + ")");
            }
            stored = store.stored();
        }
        try {
            return RSAKey.parse(stored.orElseThrow(() -> new IllegalStateException("no tool key stored")));
        } catch (ParseException e) {
            throw new IllegalStateException("the stored tool key is not a JWK: " + e.getMessage(), e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make an RSA key: " + e.getMessage(), e);
        }
    }
}
