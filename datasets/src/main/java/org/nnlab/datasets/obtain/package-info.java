/** Where data files come from: explicit paths, an installed scikit-learn, the cache and Debian packages. */
package org.nnlab.datasets.obtain;
