/** The grading result: one immutable record and its JSON form, used by the command line, the platform and tests. */
package org.nnlab.grader.result;
