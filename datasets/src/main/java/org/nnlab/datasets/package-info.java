/** The datasets labs train on: the catalog, loading with checksum verification, and the in-memory form. */
package org.nnlab.datasets;
