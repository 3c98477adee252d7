/** The tool's RSA key: stored once in the database for every instance, its public part served as a JWK set. */
package org.nnlab.platform.lti.key;
