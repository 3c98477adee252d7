/** A training loop in plain Java for small dense networks that takes, step for step, the steps DL4J's fit takes. */
package org.nnlab.harness.fast;
