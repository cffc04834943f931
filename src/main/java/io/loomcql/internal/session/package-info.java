/** The session and the request path: statement to request, response to result set, rows. */
package io.loomcql.internal.session;
