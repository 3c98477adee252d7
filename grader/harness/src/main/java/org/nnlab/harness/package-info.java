/** The harness that runs inside the sandbox; nothing it writes is trusted by the grader without a check. */
package org.nnlab.harness;
