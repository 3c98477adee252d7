/** The platform's configuration: data source, security and settings, all overridable without code. */
package org.nnlab.platform.config;
