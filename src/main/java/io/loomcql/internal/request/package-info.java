/**
 * What one request does between the session and the connections: the retry decision after each
 * failed attempt, the speculative executions race, and the query plan shared by its executions.
 * No sockets here; the session runs the attempts.
 */
package io.loomcql.internal.request;
