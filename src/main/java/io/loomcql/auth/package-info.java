/** Authentication: SASL exchanges with the nodes, and the plain-text provider. */
package io.loomcql.auth;
