/** LMS registrations: which LMS (issuer, client id, deployments, endpoints) launches into which course. */
package org.nnlab.platform.lti.registration;
