/** The student kit: trains a solution locally with the grader's harness and prints its curves. */
package org.nnlab.kit;
