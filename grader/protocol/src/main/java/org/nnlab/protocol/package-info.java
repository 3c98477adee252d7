/** The wire contract between the trusted grader and the sandboxed harness: JSON documents and matrix files. */
package org.nnlab.protocol;
