/**
 * The grading benchmark ({@code nnlab benchmark}): nnlab's grading measured stage by stage, against its own
 * in-process floor and a PyTorch peer on the same rows, printed as a table and written as JSON. A command, not a
 * test.
 */
package org.nnlab.grader.benchmark;
