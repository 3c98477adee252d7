package org.nnlab.platform.config;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The platform's database, chosen by configuration alone: H2 in file mode by default (data survives restarts; the
 * default URL has H2 write each commit at once, so that nothing acknowledged is lost when the platform is killed or
 * its disk is full), PostgreSQL or another JDBC database by setting {@code nnlab.db.driver}, {@code nnlab.db.url},
 * {@code nnlab.db.user} and {@code nnlab.db.password}. Pooled connections are validated before use, and all of
 * them dropped when one fails, so that the platform reconnects by itself once a database that was unavailable for
 * a moment is back.
 */
@DataSourceDefinition(name = "java:app/jdbc/nnlab", className = "${MPCONFIG=nnlab.db.driver}",
        url = "${MPCONFIG=nnlab.db.url}", user = "${MPCONFIG=nnlab.db.user}",
        password = "${MPCONFIG=nnlab.db.password}", minPoolSize = 1, maxPoolSize = 16, properties = {
        "fish.payara.is-connection-validation-required=true",
        "fish.payara.connection-validation-method=custom-validation",
        "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
        "fish.payara.fail-all-connections=true"})
@ApplicationScoped
public class DataSourceConfiguration {
}
