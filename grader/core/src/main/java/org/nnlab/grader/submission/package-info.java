/** Submissions: Java sources from files, a zip or pasted text, checked before anything runs. */
package org.nnlab.grader.submission;
