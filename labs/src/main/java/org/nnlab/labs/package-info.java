/** Lab definitions, one folder each, and their self-tests (issue: lab catalog). */
package org.nnlab.labs;
