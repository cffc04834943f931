/** The control connection: protocol negotiation, node discovery (events and refreshes to come). */
package io.loomcql.internal.control;
