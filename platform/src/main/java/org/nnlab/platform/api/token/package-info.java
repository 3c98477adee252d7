/** Personal access tokens: made and revoked on the account page, they authenticate requests to {@code /api/}. */
package org.nnlab.platform.api.token;
