/** The grader's command line: grade a submission, self-test a lab, list the check types. */
package org.nnlab.grader.cli;
