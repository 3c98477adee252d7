/** Claims a free-text reflection makes about the curves, read sentence by sentence and checked against them. */
package org.nnlab.grader.reflection;
