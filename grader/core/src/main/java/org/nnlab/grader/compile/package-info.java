/** Compiling a submission with javac inside a sandbox, and reporting its errors by file and line. */
package org.nnlab.grader.compile;
