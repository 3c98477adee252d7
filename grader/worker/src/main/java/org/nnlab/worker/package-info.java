/** Grading workers: they claim jobs from the database's queue, grade them in the sandbox and store the outcome. */
package org.nnlab.worker;
