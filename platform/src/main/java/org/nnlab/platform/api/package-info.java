/** The REST API for scripts and tools: personal access tokens, and the JAX-RS resources under {@code /api/v1}. */
package org.nnlab.platform.api;
