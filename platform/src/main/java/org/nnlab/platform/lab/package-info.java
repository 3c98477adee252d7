/** The lab catalog as students see it: instructions, starter code and the submission form. */
package org.nnlab.platform.lab;
