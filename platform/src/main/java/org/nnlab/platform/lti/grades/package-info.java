/** LTI Assignment and Grade Services 2.0: the score that counts for a lab goes back to the LMS's line item. */
package org.nnlab.platform.lti.grades;
