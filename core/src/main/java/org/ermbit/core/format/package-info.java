/** File formats of ermbit ({@code ermbit/1} instances, {@code ermbit-witness/1} witnesses) and input errors. */
package org.ermbit.core.format;
