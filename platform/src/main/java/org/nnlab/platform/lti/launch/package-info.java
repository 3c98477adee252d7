/** LTI 1.3 Core: the OIDC login initiation and the launch, validated, mapped to an account and logged in. */
package org.nnlab.platform.lti.launch;
