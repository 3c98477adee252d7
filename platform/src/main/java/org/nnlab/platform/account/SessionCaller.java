package org.nnlab.platform.account;

import java.io.Serializable;
import java.util.Set;

/**
 * The logged-in caller as the session keeps it.
 *
 * @param name  the user name
 * @param roles the roles the identity store gave at the login
 */
record SessionCaller(String name, Set<String> roles) implements Serializable {
}
