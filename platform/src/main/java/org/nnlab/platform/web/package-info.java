/** Web plumbing shared by the pages: Thymeleaf rendering, Markdown, CSRF protection. */
package org.nnlab.platform.web;
