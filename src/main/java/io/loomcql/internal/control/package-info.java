/** The control connection: protocol negotiation, node discovery, events and the refreshes they trigger, schema agreement. */
package io.loomcql.internal.control;
