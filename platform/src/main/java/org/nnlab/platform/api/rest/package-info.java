/** The JAX-RS resources of {@code /api/v1}: labs, submissions, results and gradebooks, as JSON. */
package org.nnlab.platform.api.rest;
