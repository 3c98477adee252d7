package org.nnlab.platform.config;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The platform's database, chosen by configuration alone: H2 in file mode by default (data survives restarts),
 * PostgreSQL or another JDBC database by setting {@code nnlab.db.driver}, {@code nnlab.db.url},
 * {@code nnlab.db.user} and {@code nnlab.db.password}.
 */
@DataSourceDefinition(name = "java:app/jdbc/nnlab", className = "${MPCONFIG=nnlab.db.driver}",
        url = "${MPCONFIG=nnlab.db.url}", user = "${MPCONFIG=nnlab.db.user}",
        password = "${MPCONFIG=nnlab.db.password}", minPoolSize = 1, maxPoolSize = 16)
@ApplicationScoped
public class DataSourceConfiguration {
}
