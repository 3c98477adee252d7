/** The Jakarta EE web app on Payara Micro (issue: platform). */
package org.nnlab.platform;
