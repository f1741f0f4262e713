/** Exact rational arithmetic ({@link org.ermbit.core.number.Rational}) and exact number parsing. */
package org.ermbit.core.number;
