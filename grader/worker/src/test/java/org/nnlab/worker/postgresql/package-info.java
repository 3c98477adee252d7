/** A real PostgreSQL server for the tests of the worker and of the platform. */
package org.nnlab.worker.postgresql;
