/** Accounts: users, their role, and their PBKDF2-hashed passwords. */
package org.nnlab.platform.account;
