/** LTI 1.3: LMSs launch nnlab's labs, deep-link them into courses and receive the scores (AGS). */
package org.nnlab.platform.lti;
