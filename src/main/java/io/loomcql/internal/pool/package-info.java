/** The connections of a session to each node, and how requests pick one. */
package io.loomcql.internal.pool;
