/** The trusted grading side: it runs student code only in sandboxes and believes nothing they write unchecked. */
package org.nnlab.grader;
