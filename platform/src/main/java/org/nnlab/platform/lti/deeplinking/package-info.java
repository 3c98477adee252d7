/** LTI Deep Linking 2.0: an instructor chooses a lab in the LMS; the tool returns it as a signed content item. */
package org.nnlab.platform.lti.deeplinking;
