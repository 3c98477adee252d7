/** The nnlab web platform: labs for students, grading through the sandboxed grader. */
package org.nnlab.platform;
