/** Grading inside the platform: jobs in the database, claimed with a lease by a pool of workers. */
package org.nnlab.platform.grading;
