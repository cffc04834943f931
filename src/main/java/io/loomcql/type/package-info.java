/** CQL types and the Java values that represent them. */
package io.loomcql.type;
